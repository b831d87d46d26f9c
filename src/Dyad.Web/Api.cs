using System.Globalization;
using System.Text.Json;
using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dyad.Web;

/// <summary>The JSON API: stored events, their evidence and articles, statistics, documents, and coding of posted text.</summary>
internal static class Api
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/info", Info).Produces<InfoItem>().WithSummary("Program version, store counts and the PLOVER event types");
        api.MapGet("/events", Events).Produces<EventPage>().ProducesValidationProblem().WithSummary("Stored events matching the filters of `dyad query`, newest first, one row per event cluster unless reports=true");
        api.MapGet("/events/{id}", Event).Produces<EventDetail>().ProducesValidationProblem().ProducesProblem(404).WithSummary("One stored event with the other reports of its cluster and its article's text");
        api.MapGet("/stats", Stats).Produces<List<PeriodItem>>().ProducesValidationProblem().WithSummary("Events, reports, mean score, cooperation and conflict per period for a dyad or an actor");
        api.MapGet("/stats/top-dyads", TopDyads).Produces<List<DyadItem>>().ProducesValidationProblem().WithSummary("The dyads with the most events under the filters");
        api.MapGet("/network", Network).Produces<NetworkItem>().ProducesValidationProblem().WithSummary("Actors and the events between them: nodes are countries, edges carry event counts and mean score");
        api.MapGet("/places", Places).Produces<List<PlaceItem>>().ProducesValidationProblem().WithSummary("Event locations with their event counts and mean score");
        api.MapGet("/documents", Documents).Produces<DocumentPage>().ProducesValidationProblem().WithSummary("Stored documents in id order, without their text");
        api.MapGet("/documents/{id}", Document).Produces<DocumentItem>().ProducesValidationProblem().ProducesProblem(404).WithSummary("One stored document with its text");
        Coding.Map(api);
    }

    public static IResult Invalid(Errors errors) => Results.ValidationProblem(errors.ByField, title: "Invalid request",
        detail: $"invalid {string.Join(", ", errors.ByField.Keys)}");

    private static IResult Info(EventStore store)
    {
        var counts = store.Counts();
        return TypedResults.Ok(new InfoItem(Engine.ProgramVersion, counts.Documents, counts.Reports, counts.Clusters, Enum.GetNames<EventType>()));
    }

    private static IResult Events(EventStore store, [AsParameters] EventFilters filters,
        [FromQuery(Name = "limit")] string? limit, [FromQuery(Name = "offset")] string? offset)
    {
        var errors = new Errors();
        var query = filters.Parse(errors);
        int take = errors.Int(limit, "limit", 50, 1, 1000);
        int skip = errors.Int(offset, "offset", 0, 0, int.MaxValue - 1001);
        if (errors.Any) return Invalid(errors);
        var rows = store.Query(query with { Limit = take + 1, Offset = skip });
        return TypedResults.Ok(new EventPage([.. rows.Take(take).Select(EventItem.Of)], take, skip, rows.Count > take));
    }

    private static IResult Event(EventStore store, string id)
    {
        var errors = new Errors();
        long key = Id(id, errors);
        if (errors.Any) return Invalid(errors);
        if (store.Event(key) is not { } found) return Results.Problem(statusCode: 404, title: $"No event {key}");
        var reports = store.Reports(found.ClusterId).Select(EventItem.Of).ToList();
        var document = store.Document(found.DocumentId) is { } d ? DocumentItem.Of(d, withText: true) : null;
        return TypedResults.Ok(new EventDetail(EventItem.Of(found), reports, document));
    }

    private static IResult Stats(EventStore store, [AsParameters] EventFilters filters,
        [FromQuery(Name = "by"), System.ComponentModel.Description("day, week, month (default) or year")] string? by)
    {
        var errors = new Errors();
        var query = filters.Parse(errors);
        var period = errors.Choice(by, "by", Period.Month);
        if (errors.Any) return Invalid(errors);
        var rows = store.Stats(query, period).Select(p =>
        {
            var (from, to) = PeriodRange(p.Period, period, store.Location.Backend);
            return new PeriodItem(p.Period, Day(from), Day(to), p.Events, p.Reports, Math.Round(p.MeanScore, 2), p.Cooperation, p.Conflict);
        });
        return TypedResults.Ok(rows.ToList());
    }

    private static IResult TopDyads(EventStore store, [AsParameters] EventFilters filters, [FromQuery(Name = "top")] string? top)
    {
        var errors = new Errors();
        var query = filters.Parse(errors);
        int count = errors.Int(top, "top", 10, 1, 1000);
        if (errors.Any) return Invalid(errors);
        return TypedResults.Ok(store.TopDyads(query, count).Select(DyadItem.Of).ToList());
    }

    private static IResult Network(EventStore store, [AsParameters] EventFilters filters, [FromQuery(Name = "top")] string? top)
    {
        var errors = new Errors();
        var query = filters.Parse(errors);
        int count = errors.Int(top, "top", 60, 1, 1000);
        if (errors.Any) return Invalid(errors);
        var edges = store.TopDyads(query, count).Select(DyadItem.Of).ToList();
        var nodes = edges.SelectMany(e => new[] { (Id: e.Actor, e.Events), (Id: e.Recipient, e.Events) })
            .GroupBy(n => n.Id, StringComparer.Ordinal)
            .Select(g => new NetworkNode(g.Key, g.Sum(n => n.Events)))
            .OrderByDescending(n => n.Events).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new NetworkItem(nodes, edges));
    }

    private static IResult Places(EventStore store, [AsParameters] EventFilters filters, [FromQuery(Name = "limit")] string? limit)
    {
        var errors = new Errors();
        var query = filters.Parse(errors);
        int take = errors.Int(limit, "limit", 2000, 1, 10_000);
        if (errors.Any) return Invalid(errors);
        var places = new List<PlaceItem>();
        foreach (var group in store.Query(query with { Limit = take }).Select(e => (Event: e, Loc: e.Plover.GetProperty("event_loc")))
                     .Where(x => x.Loc.GetProperty("lat").ValueKind == JsonValueKind.Number)
                     .GroupBy(x => (x.Loc.GetProperty("resolved_place").GetString() ?? "", x.Loc.GetProperty("country_code").GetString())))
        {
            var loc = group.First().Loc;
            places.Add(new PlaceItem(group.Key.Item1, group.Key.Item2, loc.GetProperty("lat").GetDouble(), loc.GetProperty("lon").GetDouble(),
                group.Count(), Math.Round(group.Average(x => x.Event.Score), 2)));
        }
        return TypedResults.Ok(places.OrderByDescending(p => p.Events).ThenBy(p => p.Place, StringComparer.Ordinal).ToList());
    }

    private static IResult Documents(EventStore store, [FromQuery(Name = "after"), System.ComponentModel.Description("List documents with ids above this one")] string? after,
        [FromQuery(Name = "limit")] string? limit)
    {
        var errors = new Errors();
        int from = errors.Int(after, "after", 0, 0, int.MaxValue);
        int take = errors.Int(limit, "limit", 50, 1, 1000);
        if (errors.Any) return Invalid(errors);
        var docs = store.Documents(null, from, take + 1).ToList();
        var items = docs.Take(take).Select(d => DocumentItem.Of(d, withText: false)).ToList();
        return TypedResults.Ok(new DocumentPage(items, docs.Count > take ? items[^1].Id : null));
    }

    private static IResult Document(EventStore store, string id)
    {
        var errors = new Errors();
        long key = Id(id, errors);
        if (errors.Any) return Invalid(errors);
        return store.Document(key) is { } d ? TypedResults.Ok(DocumentItem.Of(d, withText: true)) : Results.Problem(statusCode: 404, title: $"No document {key}");
    }

    private static long Id(string text, Errors errors)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && id > 0) return id;
        errors.Add("id", $"'{text}' is not an id (a positive whole number)");
        return 0;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The first and last day of a period as the store names it (SQLite weeks: %W, Monday-based; PostgreSQL: ISO weeks).</summary>
    public static (DateOnly From, DateOnly To) PeriodRange(string period, Period by, Backend backend)
    {
        int year = int.Parse(period[..4], CultureInfo.InvariantCulture);
        switch (by)
        {
            case Period.Day:
                var day = DateOnly.ParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return (day, day);
            case Period.Year:
                return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            case Period.Week:
                int week = int.Parse(period[6..], CultureInfo.InvariantCulture);
                if (backend == Backend.Postgres)
                {
                    var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
                    return (monday, monday.AddDays(6));
                }
                var jan1 = new DateOnly(year, 1, 1);
                var firstMonday = jan1.AddDays(((int)DayOfWeek.Monday - (int)jan1.DayOfWeek + 7) % 7);
                var start = week == 0 ? jan1 : firstMonday.AddDays(7 * (week - 1));
                var end = week == 0 ? firstMonday.AddDays(-1) : start.AddDays(6);
                return (start, end.Year > year ? new DateOnly(year, 12, 31) : end);
            default:
                int month = int.Parse(period[5..7], CultureInfo.InvariantCulture);
                var first = new DateOnly(year, month, 1);
                return (first, first.AddMonths(1).AddDays(-1));
        }
    }
}

internal sealed record InfoItem(string Version, long Documents, long Reports, long Clusters, string[] Types);

/// <summary>A stored event: its cluster, its article and its output-contract record (docs/output-format.md).</summary>
internal sealed record EventItem(long Id, long ClusterId, int NumReports, int NumArticles, int NumSources,
    long DocumentId, string DocKey, string? Url, string Source, string? Title, JsonElement Record)
{
    public static EventItem Of(StoredEvent e) =>
        new(e.Id, e.ClusterId, e.NumReports, e.NumArticles, e.NumSources, e.DocumentId, e.DocKey, e.Url, e.Source, e.Title, e.Plover);
}

internal sealed record EventPage(List<EventItem> Items, int Limit, int Offset, bool HasMore);

internal sealed record EventDetail(EventItem Event, List<EventItem> Reports, DocumentItem? Document);

internal sealed record DocumentItem(long Id, string Key, string? Url, string? Title, string Source, string? Date, string Version, int Length, string? Text)
{
    public static DocumentItem Of(StoredDocument d, bool withText) => new(d.Id, d.Key, d.Url, d.Title, d.Source,
        d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Version, d.Text.Length, withText ? d.Text : null);
}

internal sealed record DocumentPage(List<DocumentItem> Items, long? NextAfter);

internal sealed record PeriodItem(string Period, string From, string To, int Events, int Reports, double MeanScore, int Cooperation, int Conflict);

internal sealed record DyadItem(string Actor, string Recipient, int Events, int Reports, double MeanScore)
{
    public static DyadItem Of(DyadCount d) => new(d.Actor, d.Recipient, d.Events, d.Reports, Math.Round(d.MeanScore, 2));
}

internal sealed record NetworkNode(string Id, int Events);

internal sealed record NetworkItem(List<NetworkNode> Nodes, List<DyadItem> Edges);

internal sealed record PlaceItem(string Place, string? CountryCode, double Lat, double Lon, int Events, double MeanScore);
