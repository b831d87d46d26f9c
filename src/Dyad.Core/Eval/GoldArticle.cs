using System.Text.Json;
using Dyad.Pipeline;

namespace Dyad.Eval;

/// <summary>An event as the gold format and Dyad's output both reduce to for scoring.</summary>
public sealed record ScoredEvent(string Type, IReadOnlyList<string> Alt, IReadOnlyList<string> Actors, IReadOnlyList<string> Recipients, bool Reciprocal, bool Core, string Evidence);

/// <summary>A gold article: its text and date and its annotated events (see ../shared/eval/GOLD-FORMAT.md).</summary>
public sealed record GoldArticle(string Id, string Text, DateOnly? Date, IReadOnlyList<ScoredEvent> Events)
{
    public static IEnumerable<GoldArticle> Read(string file)
    {
        if (!File.Exists(file)) throw new DyadException(ErrorCodes.MissingInput, $"{file}: no such file");
        int n = 0;
        foreach (var line in File.ReadLines(file))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            GoldArticle article;
            try
            {
                article = Parse(line);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new DyadException(ErrorCodes.MalformedJson, $"{file}:{n}: not a gold article ({e.Message})");
            }
            yield return article;
        }
    }

    private static GoldArticle Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        DateOnly? date = root.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String
            && DateOnly.TryParse(d.GetString()!.AsSpan(0, Math.Min(10, d.GetString()!.Length)), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var events = root.TryGetProperty("events", out var evs) ? evs.EnumerateArray().Select(ParseEvent).ToList() : [];
        return new GoldArticle(root.GetProperty("id").GetString()!, root.GetProperty("text").GetString()!, date, events);
    }

    private static ScoredEvent ParseEvent(JsonElement e)
    {
        static List<string> List(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(x => x.GetString() ?? "")] : [];
        return new ScoredEvent(
            e.GetProperty("type").GetString()!, List(e, "alt"), List(e, "actor"), List(e, "recipient"),
            e.TryGetProperty("reciprocal", out var r) && r.ValueKind == JsonValueKind.True,
            !e.TryGetProperty("core", out var c) || c.ValueKind != JsonValueKind.False,
            e.TryGetProperty("evidence", out var ev) ? ev.GetString() ?? "" : "");
    }
}
