using System.Security.Cryptography;
using System.Text;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Output;

/// <summary>An event as the output contract describes it (docs/output-format.md), with offsets into the original text.</summary>
public sealed record EventRecord(Document Document, Event Event, int Quad, double Score, string Version)
{
    public string Id
    {
        get
        {
            string key = $"{Document.Article.Id}|{Event.Type}|{string.Join(',', Event.Actors.Select(a => a.Code))}|{string.Join(',', Event.Recipients.Select(a => a.Code))}|{Event.Trigger.Start}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
        }
    }

    public string SentenceText => Document.Slice(Document.Sentences[Event.Sentence].Span);
    public TextSpan SentenceSpan => Document.ToOriginal(Document.Sentences[Event.Sentence].Span);
    public string TriggerText => Document.Slice(Event.Trigger);

    public static IEnumerable<EventRecord> From(Document document, Engine engine, bool includeNegated = false)
    {
        string version = engine.Version;
        foreach (var ev in document.Events)
        {
            if (ev.Negated && !includeNegated) continue;
            var (quad, score) = engine.Scores.Of(ev.Type, ev.Modes.Count > 0 ? ev.Modes[0] : "");
            yield return new EventRecord(document, ev, quad, score, version);
        }
    }
}
