using System.Text.Json;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Eval;

/// <summary>Scores a gold file: the engine's own predictions, or a file of predicted records.</summary>
public sealed class Evaluation
{
    public Dictionary<Level, Counts> Totals { get; } = new() { [Level.Type] = Counts.Zero, [Level.Actor] = Counts.Zero, [Level.Dyad] = Counts.Zero };
    public SortedDictionary<string, Counts> ByType { get; } = new(StringComparer.Ordinal);
    public List<(string Id, ArticleScore Score)> Articles { get; } = [];

    public static Evaluation Run(IEnumerable<GoldArticle> gold, Func<GoldArticle, IReadOnlyList<ScoredEvent>> predict)
    {
        var result = new Evaluation();
        foreach (var article in gold)
        {
            var predicted = predict(article);
            foreach (var level in new[] { Level.Type, Level.Actor, Level.Dyad })
            {
                var score = Scorer.Score(article.Events, predicted, level);
                result.Totals[level] += score.Counts;
                if (level != Level.Dyad) continue;
                result.Articles.Add((article.Id, score));
                foreach (var type in article.Events.Select(e => e.Type).Concat(predicted.Select(e => e.Type)).Distinct())
                {
                    var typed = Scorer.Score([.. article.Events.Where(e => e.Type == type)], [.. predicted.Where(e => e.Type == type)], Level.Dyad);
                    result.ByType[type] = result.ByType.GetValueOrDefault(type, Counts.Zero) + typed.Counts;
                }
            }
        }
        return result;
    }

    /// <summary>Predictions of the engine for a gold article.</summary>
    public static Func<GoldArticle, IReadOnlyList<ScoredEvent>> Engine(Engine engine) => article =>
    {
        var doc = engine.Process(new Article(article.Id, article.Text) { Date = article.Date });
        return [.. doc.Events.Where(e => !e.Negated).Select(ToScored)];
    };

    public static ScoredEvent ToScored(Event e) =>
        new(e.Type.ToString(), [], [.. e.Actors.Select(a => a.Code)], [.. e.Recipients.Select(a => a.Code)], e.Reciprocal, true, "");

    /// <summary>Predictions read from a PLOVER JSON Lines file, grouped by doc_id.</summary>
    public static Func<GoldArticle, IReadOnlyList<ScoredEvent>> FromFile(string file)
    {
        if (!File.Exists(file)) throw new DyadException(ErrorCodes.MissingInput, $"{file}: no such file");
        var byDoc = new Dictionary<string, List<ScoredEvent>>(StringComparer.Ordinal);
        int n = 0;
        foreach (var line in File.ReadLines(file))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                var r = json.RootElement;
                static List<string> Codes(JsonElement r, string name) =>
                    r.TryGetProperty(name, out var v) ? [.. v.EnumerateArray().Select(x => x.GetProperty("code").GetString() ?? "")] : [];
                var ev = new ScoredEvent(r.GetProperty("event").GetString()!, [], Codes(r, "actor"), Codes(r, "recipient"),
                    r.TryGetProperty("reciprocal", out var rc) && rc.ValueKind == JsonValueKind.True, true, "");
                string doc = r.GetProperty("doc_id").GetString()!;
                if (!byDoc.TryGetValue(doc, out var list)) byDoc[doc] = list = [];
                list.Add(ev);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new DyadException(ErrorCodes.MalformedJson, $"{file}:{n}: not a PLOVER record ({e.Message})");
            }
        }
        return article => byDoc.TryGetValue(article.Id, out var list) ? list : [];
    }

    public void Write(TextWriter output, bool details)
    {
        output.WriteLine("level          precision  recall     F1   (recall over core gold units, precision over all gold)");
        foreach (var (level, c) in Totals)
            output.WriteLine($"{level.ToString().ToLowerInvariant(),-14} {c.Precision,9:0.000} {c.Recall,7:0.000} {c.F1,6:0.000}   ({c.PredictedMatched}/{c.Predicted} predicted, {c.GoldMatched}/{c.Gold} core gold)");
        output.WriteLine();
        output.WriteLine("dyad level by type:");
        output.WriteLine($"{"type",-10} {"P",6} {"R",6} {"F1",6} {"pred",5} {"gold",5}");
        foreach (var (type, c) in ByType)
            output.WriteLine($"{type,-10} {c.Precision,6:0.00} {c.Recall,6:0.00} {c.F1,6:0.00} {c.Predicted,5} {c.Gold,5}");
        if (!details) return;
        foreach (var (id, score) in Articles)
        {
            if (score.Missed.Count == 0 && score.Spurious.Count == 0) continue;
            output.WriteLine();
            output.WriteLine($"== {id}");
            foreach (var u in score.Missed) output.WriteLine($"  missed   {u}   | {Short(u.Evidence)}");
            foreach (var u in score.Spurious) output.WriteLine($"  spurious {u}");
        }
    }

    private static string Short(string s) => s.Length > 110 ? s[..110] + "..." : s;
}
