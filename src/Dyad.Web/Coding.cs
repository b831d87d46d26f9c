using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Documents;
using Dyad.Output;
using Dyad.Pipeline;
using Dyad.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Dyad.Web;

/// <summary>POST /api/code (codes posted articles, stores nothing) and POST /api/ingest (codes and stores them).</summary>
internal static class Coding
{
    public const int MaxArticles = 1000;
    private const string JsonLines = "application/x-ndjson";
    private const string Form = "application/x-www-form-urlencoded";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/code", Code).Accepts<ArticleBody>(false, "application/json", "text/plain", JsonLines, Form)
            .Produces<JsonElement[]>(200, "application/json", JsonLines).ProducesValidationProblem().ProducesProblem(413).ProducesProblem(415)
            .WithSummary("Codes posted text (one article), a JSON article, a JSON array of articles or JSON Lines; answers the records of `dyad code` without storing them");
        api.MapPost("/ingest", Ingest).Accepts<ArticleBody>(false, "application/json", "text/plain", JsonLines, Form)
            .Produces<IngestResult>().ProducesValidationProblem().ProducesProblem(413).ProducesProblem(415)
            .WithSummary("Codes posted articles and stores them with their events, like `dyad ingest`");
    }

    private static async Task<IResult> Code(HttpRequest request, Engine engine, [AsParameters] TextMetadata metadata,
        [FromQuery(Name = "negated"), Description("true: also negated events")] string? negated)
    {
        var errors = new Errors();
        bool withNegated = errors.Bool(negated, "negated");
        var articles = await Read(request, metadata, errors);
        if (errors.Any) return Api.Invalid(errors);
        var docs = new Document?[articles.Count];
        var failures = new string?[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                docs[i] = engine.Process(articles[i]);
            }
            catch (DyadException e)
            {
                failures[i] = $"{articles[i].Origin}: {e.Message}";
            }
        });
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
            return Results.Problem(statusCode: 422, title: "An article could not be coded", detail: failure);
        var records = docs.SelectMany(d => EventRecord.From(d!, engine, withNegated));
        if (Wants(request, JsonLines))
        {
            using var lines = new MemoryStream();
            var writer = new PloverWriter(lines);
            foreach (var record in records) writer.Write(record);
            return Results.Bytes(lines.ToArray(), JsonLines);
        }
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var record in records) PloverWriter.WriteRecord(json, record);
            json.WriteEndArray();
        }
        return Results.Bytes(buffer.WrittenMemory.ToArray(), "application/json");
    }

    private static async Task<IResult> Ingest(HttpRequest request, Engine engine, EventStore store, WebOptions options, [AsParameters] TextMetadata metadata)
    {
        var errors = new Errors();
        var articles = await Read(request, metadata, errors);
        if (errors.Any) return Api.Invalid(errors);
        var problems = new List<ProblemItem>();
        var ingestor = new Ingestor(engine, store, new IngestOptions { WindowDays = options.WindowDays, Threads = Environment.ProcessorCount })
        {
            OnProblem = p => { lock (problems) problems.Add(new ProblemItem(p.Origin, p.Code, p.Message)); },
        };
        var result = ingestor.Store(articles);
        return TypedResults.Ok(new IngestResult(result.Stored, result.Replaced, result.Unchanged, result.Duplicates, result.Events, result.Merged, problems));
    }

    private static bool Wants(HttpRequest request, string type) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The posted articles (routing has already answered 415 to other body types); field errors go to <paramref name="errors"/>.</summary>
    private static async Task<List<Article>> Read(HttpRequest request, TextMetadata metadata, Errors errors)
    {
        string type = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.ToString().ToLowerInvariant() : "text/plain";
        bool json = type == "application/json";
        // curl --data-binary sends form encoding unless told otherwise: the body is still the raw text.
        bool text = !json && type != JsonLines;
        string body;
        using (var reader = new StreamReader(request.Body, new UTF8Encoding(false)))
            body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var articles = new List<Article>();
        if (text)
        {
            var date = errors.Date(metadata.Date, "date");
            if (string.IsNullOrWhiteSpace(body)) errors.Add("text", "the article is empty");
            else articles.Add(new Article(string.IsNullOrWhiteSpace(metadata.Id) ? "text" : metadata.Id.Trim(), body)
            {
                Date = date, Url = metadata.Url, Title = metadata.Title, Source = metadata.Source, Origin = "request",
            });
            return articles;
        }
        if (json)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Array)
                {
                    if (root.GetArrayLength() == 0) errors.Add("body", "the array holds no articles");
                    int i = 0;
                    foreach (var item in root.EnumerateArray()) Add(articles, item, $"[{i++}].", errors);
                }
                else Add(articles, root, "", errors);
            }
            catch (JsonException e)
            {
                errors.Add("body", $"malformed JSON ({e.Message.Split(" Path:")[0]})");
            }
        }
        else
        {
            int number = 0;
            foreach (var line in body.Split('\n'))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                try
                {
                    using var document = JsonDocument.Parse(line);
                    Add(articles, document.RootElement, $"line {number}: ", errors);
                }
                catch (JsonException e)
                {
                    errors.Add($"line {number}", $"malformed JSON ({e.Message.Split(" Path:")[0]})");
                }
            }
            if (number == 0 || articles.Count == 0 && !errors.Any) errors.Add("body", "no articles");
        }
        if (articles.Count > MaxArticles) errors.Add("body", $"{articles.Count} articles; at most {MaxArticles} per request");
        return articles;
    }

    /// <summary>One JSON article: text (required), id, date, url, title, source, as in the JSON Lines input of `dyad code`.</summary>
    private static void Add(List<Article> articles, JsonElement item, string prefix, Errors errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(prefix.Length == 0 ? "body" : prefix.TrimEnd('.', ' ', ':'), "not an article object");
            return;
        }
        string? Field(string name)
        {
            if (!item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.String) return v.GetString();
            if (name == "id" && v.ValueKind == JsonValueKind.Number) return v.GetRawText();
            errors.Add(prefix + name, "must be a string");
            return null;
        }
        string? text = Field("text");
        if (string.IsNullOrWhiteSpace(text))
        {
            if (!errors.ByField.ContainsKey(prefix + "text")) errors.Add(prefix + "text", "the article has no text");
            return;
        }
        DateOnly? date = null;
        if (Field("date") is { } d)
        {
            if (d.Length >= 10 && DateOnly.TryParseExact(d[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) date = parsed;
            else errors.Add(prefix + "date", $"'{d}' is not a date (YYYY-MM-DD)");
        }
        articles.Add(new Article(Field("id") ?? $"article-{articles.Count + 1}", text)
        {
            Date = date, Url = Field("url"), Title = Field("title"), Source = Field("source"), Origin = $"request {prefix.TrimEnd('.', ' ', ':')}".TrimEnd(),
        });
    }
}

/// <summary>Metadata of a plain-text article, given in the query string.</summary>
internal sealed class TextMetadata
{
    [FromQuery(Name = "id"), Description("Document id of a plain-text article (default: text)")]
    public string? Id { get; init; }
    [FromQuery(Name = "date"), Description("Publication date of a plain-text article, YYYY-MM-DD; relative dates resolve against it")]
    public string? Date { get; init; }
    [FromQuery(Name = "url")]
    public string? Url { get; init; }
    [FromQuery(Name = "title")]
    public string? Title { get; init; }
    [FromQuery(Name = "source")]
    public string? Source { get; init; }
}

/// <summary>An article as JSON: the fields of a JSON Lines input line.</summary>
internal sealed record ArticleBody(string Text, string? Id, string? Date, string? Url, string? Title, string? Source);

internal sealed record ProblemItem(string Origin, string Code, string Message);

internal sealed record IngestResult(int Stored, int Replaced, int Unchanged, int Duplicates, int Events, int Merged, List<ProblemItem> Problems);
