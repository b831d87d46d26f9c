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
        document.Events = merged;
    }

    private static string Key(Event ev) =>
        $"{ev.Type}|{string.Join(',', ev.Actors.Select(a => a.Code).Order(StringComparer.Ordinal))}|{string.Join(',', ev.Recipients.Select(a => a.Code).Order(StringComparer.Ordinal))}|{ev.Date}|{ev.Negated}";
}
