using System.ComponentModel;
using System.Globalization;
using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Store;
using Microsoft.AspNetCore.Mvc;

namespace Dyad.Web;

/// <summary>Collects validation errors by field; answered as one 400 problem.</summary>
internal sealed class Errors
{
    public Dictionary<string, string[]> ByField { get; } = [];

    public bool Any => ByField.Count > 0;

    public void Add(string field, string message) => ByField[field] = [.. ByField.GetValueOrDefault(field, []), message];

    public int Int(string? text, string field, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(text)) return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max) return n;
        Add(field, $"'{text}' is not a whole number from {min} to {max}");
        return fallback;
    }

    public DateOnly? Date(string? text, string field)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Add(field, $"'{text}' is not a date (YYYY-MM-DD)");
        return null;
    }

    public bool Bool(string? text, string field)
    {
        if (string.IsNullOrEmpty(text)) return false;
        if (bool.TryParse(text, out bool b)) return b;
        Add(field, $"'{text}' is not true or false");
        return false;
    }

    public ActorFilter? Actor(string? text, string field)
    {
        try
        {
            return ActorFilter.Parse(text, field);
        }
        catch (DyadException e)
        {
            Add(field, e.Detail);
            return null;
        }
    }

    public string? Type(string? text, string field)
    {
        try
        {
            return EventTypeFilter.Parse(text, field);
        }
        catch (DyadException e)
        {
            Add(field, e.Detail);
            return null;
        }
    }

    public T Choice<T>(string? text, string field, T fallback) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text)) return fallback;
        if (Enum.TryParse<T>(text, true, out var value) && !int.TryParse(text, out _)) return value;
        Add(field, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
        return fallback;
    }
}

/// <summary>The filters of `dyad query`, taken from the query string.</summary>
internal sealed class EventFilters
{
    [FromQuery(Name = "actor"), Description("Actor country code, optionally with a sector: KOR or KOR:GOV")]
    public string? Actor { get; init; }
    [FromQuery(Name = "recipient"), Description("Recipient country code, optionally with a sector")]
    public string? Recipient { get; init; }
    [FromQuery(Name = "type"), Description("PLOVER event type (ACCUSE, CONSULT, ...)")]
    public string? Type { get; init; }
    [FromQuery(Name = "from"), Description("First event date, YYYY-MM-DD")]
    public string? From { get; init; }
    [FromQuery(Name = "to"), Description("Last event date, YYYY-MM-DD")]
    public string? To { get; init; }
    [FromQuery(Name = "place"), Description("Event place name (part of it) or country code")]
    public string? Place { get; init; }
    [FromQuery(Name = "text"), Description("Words the article or its evidence must contain")]
    public string? Text { get; init; }
    [FromQuery(Name = "reports"), Description("true: every report, not one row per event cluster")]
    public string? Reports { get; init; }

    public EventQuery Parse(Errors errors) => new()
    {
        Actor = errors.Actor(Actor, "actor"),
        Recipient = errors.Actor(Recipient, "recipient"),
        Type = errors.Type(Type, "type"),
        From = errors.Date(From, "from"),
        To = errors.Date(To, "to"),
        Place = string.IsNullOrWhiteSpace(Place) ? null : Place.Trim(),
        Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
        Reports = errors.Bool(Reports, "reports"),
    };
}
