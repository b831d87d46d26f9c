namespace Dyad.Eval;

public enum Level { Type, Actor, Dyad }

/// <summary>Counts for precision (predicted units matched / predicted) and recall (core gold units matched / core).</summary>
public sealed record Counts(int PredictedMatched, int Predicted, int GoldMatched, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)PredictedMatched / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)GoldMatched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public static Counts operator +(Counts a, Counts b) =>
        new(a.PredictedMatched + b.PredictedMatched, a.Predicted + b.Predicted, a.GoldMatched + b.GoldMatched, a.Gold + b.Gold);
    public static Counts Zero { get; } = new(0, 0, 0, 0);
}

/// <summary>The result of scoring one article at one level.</summary>
public sealed record ArticleScore(Counts Counts, IReadOnlyList<Unit> Missed, IReadOnlyList<Unit> Spurious, IReadOnlyList<(Unit Gold, Unit Predicted)> Matched);

/// <summary>
/// A scoring unit: a type with one actor and one recipient, or, for a reciprocal event, a type with a party
/// and the other parties it may be joined with.
/// </summary>
public sealed record Unit(string Type, IReadOnlyList<string> Alt, string Actor, string? Recipient, IReadOnlyList<string> Others, bool Reciprocal, bool Core, string Evidence)
{
    public override string ToString() =>
        Reciprocal ? $"{Type} {Actor}+{string.Join('+', Others)}" : $"{Type} {Actor}{(Recipient is null ? "" : " -> " + Recipient)}";
}

/// <summary>Scores predicted events against gold events as ../shared/eval/README.md defines.</summary>
public static class Scorer
{
    private static readonly HashSet<string> Undirected = ["CONSULT", "AGREE", "COOPERATE"];

    public static ArticleScore Score(IReadOnlyList<ScoredEvent> gold, IReadOnlyList<ScoredEvent> predicted, Level level)
    {
        var goldUnits = Distinct(gold.SelectMany(e => Units(e, level)));
        var predUnits = Distinct(predicted.SelectMany(e => Units(e, level)));
        // Core gold first, so a prediction is spent on the unit that counts for recall.
        var ordered = goldUnits.OrderByDescending(u => u.Core).ToList();
        var predOwner = new int[predUnits.Count];
        Array.Fill(predOwner, -1);
        var goldMatch = new int[ordered.Count];
        Array.Fill(goldMatch, -1);
        for (int g = 0; g < ordered.Count; g++)
            TryAugment(g, ordered, predUnits, level, predOwner, goldMatch, new bool[predUnits.Count]);

        int coreGold = ordered.Count(u => u.Core);
        int coreMatched = Enumerable.Range(0, ordered.Count).Count(g => ordered[g].Core && goldMatch[g] >= 0);
        int predMatched = predOwner.Count(o => o >= 0);
        var missed = Enumerable.Range(0, ordered.Count).Where(g => goldMatch[g] < 0 && ordered[g].Core).Select(g => ordered[g]).ToList();
        var spurious = Enumerable.Range(0, predUnits.Count).Where(p => predOwner[p] < 0).Select(p => predUnits[p]).ToList();
        var matched = Enumerable.Range(0, ordered.Count).Where(g => goldMatch[g] >= 0).Select(g => (ordered[g], predUnits[goldMatch[g]])).ToList();
        return new ArticleScore(new Counts(predMatched, predUnits.Count, coreMatched, coreGold), missed, spurious, matched);
    }

    private static bool TryAugment(int g, List<Unit> gold, List<Unit> pred, Level level, int[] predOwner, int[] goldMatch, bool[] seen)
    {
        for (int p = 0; p < pred.Count; p++)
        {
            if (seen[p] || !Matches(gold[g], pred[p], level)) continue;
            seen[p] = true;
            if (predOwner[p] < 0 || (!gold[predOwner[p]].Core || gold[g].Core) && TryAugment(predOwner[p], gold, pred, level, predOwner, goldMatch, seen))
            {
                predOwner[p] = g;
                goldMatch[g] = p;
                return true;
            }
        }
        return false;
    }

    /// <summary>Gold units that share their type and parties are one unit.</summary>
    private static List<Unit> Distinct(IEnumerable<Unit> units)
    {
        var seen = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            string key = u.Reciprocal
                ? $"{u.Type}|{string.Join(',', u.Others.Append(u.Actor).Order(StringComparer.Ordinal))}|{(u.Others.Count > 1 ? u.Actor : "")}"
                : $"{u.Type}|{u.Actor}|{u.Recipient}";
            if (!seen.TryGetValue(key, out var existing) || (!existing.Core && u.Core)) seen[key] = u;
        }
        return [.. seen.Values];
    }

    public static IEnumerable<Unit> Units(ScoredEvent e, Level level)
    {
        if (level == Level.Type)
        {
            yield return new Unit(e.Type, e.Alt, "", null, [], false, e.Core, e.Evidence);
            yield break;
        }
        var actors = e.Actors.Count > 0 ? e.Actors.Distinct().ToList() : ["UNK"];
        if (e.Reciprocal || (e.Recipients.Count == 0 && e.Actors.Count > 1 && Undirected.Contains(e.Type)))
        {
            var parties = actors.Concat(e.Recipients).Distinct().ToList();
            // Parties of one state (a government and its rebels) make a dyad of that state with itself.
            if (parties.Count == 1 && e.Actors.Count > 1)
            {
                yield return new Unit(e.Type, e.Alt, parties[0], level == Level.Actor ? null : parties[0], [], false, e.Core, e.Evidence);
                yield break;
            }
            if (parties.Count > 1)
            {
                foreach (var party in parties)
                    yield return new Unit(e.Type, e.Alt, party, null, [.. parties.Where(p => p != party)], true, e.Core, e.Evidence);
                yield break;
            }
        }
        foreach (var actor in actors)
        {
            if (level == Level.Actor || e.Recipients.Count == 0)
                yield return new Unit(e.Type, e.Alt, actor, null, [], false, e.Core, e.Evidence);
            else
                foreach (var recipient in e.Recipients.Distinct())
                    yield return new Unit(e.Type, e.Alt, actor, recipient, [], false, e.Core, e.Evidence);
        }
    }

    private static bool Matches(Unit gold, Unit pred, Level level)
    {
        if (pred.Type != gold.Type && !gold.Alt.Contains(pred.Type)) return false;
        if (level == Level.Type) return true;
        var predParties = pred.Reciprocal ? pred.Others.Append(pred.Actor).ToList() : [pred.Actor, .. pred.Recipient is null ? [] : new[] { pred.Recipient }];
        if (gold.Reciprocal)
        {
            // A party of a reciprocal event is matched by an event of its type joining it with any other party.
            if (level == Level.Actor) return predParties.Any(p => Code(gold.Actor, p)) || gold.Others.Any(o => predParties.Any(p => Code(o, p)));
            return predParties.Any(p => Code(gold.Actor, p)) && gold.Others.Any(o => predParties.Any(p => Code(o, p)));
        }
        bool undirected = Undirected.Contains(gold.Type);
        if (pred.Reciprocal)
        {
            if (!predParties.Any(p => Code(gold.Actor, p))) return false;
            return level == Level.Actor || gold.Recipient is null || (undirected && predParties.Any(p => Code(gold.Recipient, p)));
        }
        if (level == Level.Actor)
            return Code(gold.Actor, pred.Actor) || (undirected && gold.Recipient is not null && Code(gold.Recipient, pred.Actor));
        bool forward = Code(gold.Actor, pred.Actor) && (gold.Recipient is null || (pred.Recipient is not null && Code(gold.Recipient, pred.Recipient)));
        bool backward = undirected && gold.Recipient is not null && pred.Recipient is not null
            && Code(gold.Actor, pred.Recipient) && Code(gold.Recipient, pred.Actor);
        return forward || backward;
    }

    /// <summary>UNK matches any code; gold IGO accepts UNO and EUR.</summary>
    private static bool Code(string gold, string predicted) =>
        gold == predicted || gold == "UNK" || (gold == "IGO" && predicted is "UNO" or "EUR");
}
