using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Events;

/// <summary>One record per happening: events of the same type, actors, recipients and day become one, listing every sentence.</summary>
public sealed class MergeStage : IStage
{
    public string Name => "merge";
    public Layer Needs => Layer.Events;
    public Layer Produces => Layer.Events;

    public void Process(Document document)
    {
        var merged = new List<Event>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ev in document.Events)
        {
            string key = Key(ev);
            if (!index.TryGetValue(key, out int i))
            {
                index[key] = merged.Count;
                merged.Add(ev);
                continue;
            }
            var first = merged[i];
            merged[i] = first with
            {
                MoreSentences = first.Sentence == ev.Sentence || first.MoreSentences.Contains(ev.Sentence)
                    ? first.MoreSentences : [.. first.MoreSentences, ev.Sentence],
                ReportedBy = [.. first.ReportedBy.Union(ev.ReportedBy)],
                Size = first.Size.IsEmpty ? ev.Size : first.Size,
                Place = first.Place ?? ev.Place,
            };
        }
        document.Events = AbsorbPartial(merged);
    }

    /// <summary>
    /// An event without a recipient whose actors all take part in a fuller event of the same type and day
    /// restates it ("Cho said during the meeting" after "Cho met Joly").
    /// </summary>
    private static List<Event> AbsorbPartial(List<Event> events)
    {
        var result = new List<Event>(events);
        for (int i = result.Count - 1; i >= 0; i--)
        {
            var partial = result[i];
            if (partial.Recipients.Count > 0) continue;
            var codes = partial.Actors.Select(a => a.Code).ToHashSet();
            int fuller = result.FindIndex(e => !ReferenceEquals(e, partial) && e.Type == partial.Type && e.Date == partial.Date
                && e.Negated == partial.Negated && codes.IsSubsetOf(e.Actors.Concat(e.Recipients).Select(a => a.Code))
                && e.Actors.Count + e.Recipients.Count > partial.Actors.Count);
            if (fuller < 0) continue;
            var target = result[fuller];
            result[fuller] = target with
            {
                MoreSentences = target.Sentence == partial.Sentence || target.MoreSentences.Contains(partial.Sentence)
                    ? target.MoreSentences : [.. target.MoreSentences, partial.Sentence],
                ReportedBy = [.. target.ReportedBy.Union(partial.ReportedBy)],
            };
            result.RemoveAt(i);
        }
        return result;
    }

    private static string Key(Event ev) => ev.Type is EventType.CONSULT or EventType.AGREE or EventType.COOPERATE
        // Meetings and agreements have no direction: A meeting B and A and B meeting are one happening.
        ? $"{ev.Type}|{Codes([.. ev.Actors, .. ev.Recipients], distinct: true)}|{ev.Date?.DayNumber}|{ev.Negated}"
        : $"{ev.Type}|{Codes(ev.Actors, distinct: false)}|{Codes(ev.Recipients, distinct: false)}|{ev.Date?.DayNumber}|{ev.Negated}";

    /// <summary>The actors' codes in ordinal order, joined by commas.</summary>
    private static string Codes(IReadOnlyList<Actor> actors, bool distinct)
    {
        if (actors.Count == 1) return actors[0].Code;
        var codes = new List<string>(actors.Count);
        foreach (var a in actors)
            if (!distinct || !codes.Contains(a.Code)) codes.Add(a.Code);
        codes.Sort(StringComparer.Ordinal);
        return string.Join(',', codes);
    }
}
