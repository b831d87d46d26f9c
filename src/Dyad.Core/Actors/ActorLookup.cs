using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Actors;

/// <summary>What `dyad actor` prints for one phrase.</summary>
public sealed record ActorResolution(string Code, string Sector, string IdentifierText, string Office, string Matched, string Why);

/// <summary>Resolves one actor phrase, optionally inside a context sentence, with the full pipeline.</summary>
public sealed class ActorLookup(Engine engine)
{
    public ActorResolution Resolve(string phrase, string? context = null, DateOnly? date = null)
    {
        phrase = phrase.Trim();
        string text = phrase;
        int offset = 0;
        if (!string.IsNullOrWhiteSpace(context))
        {
            int at = context.IndexOf(phrase, StringComparison.Ordinal);
            if (at >= 0)
            {
                text = context;
                offset = at;
            }
            else
            {
                text = context.TrimEnd() + " " + phrase;
                offset = context.TrimEnd().Length + 1;
            }
        }
        var document = engine.Process(new Article("actor", text) { Date = date });
        int start = RepairedOffset(document, offset);
        int end = RepairedOffset(document, offset + phrase.Length);
        var best = document.Actors
            .Where(a => !a.IsNewsSource || document.Actors.Count == 1)
            .Select(a => (Actor: a, Span: document.TokenSpan(a.Start, a.End)))
            .Where(x => x.Span.Overlaps(new TextSpan(start, end)))
            .OrderByDescending(x => Math.Min(x.Span.End, end) - Math.Max(x.Span.Start, start))
            .ThenByDescending(x => x.Actor.Code.Length > 0 && x.Actor.Code != "UNK")
            .Select(x => x.Actor)
            .FirstOrDefault();
        // An unknown name in a context that names a country ("the PRD" in "Mexican ...") belongs to that country.
        if ((best is null || best.Code == "UNK") && offset > 0
            && document.Actors.FirstOrDefault(a => a.Code is { Length: > 0 } and not "UNK" && document.TokenSpan(a.Start, a.End).End <= start) is { } named)
            return new ActorResolution(named.Code, best?.Sector ?? "", phrase, best?.Office ?? "", best?.Text ?? "",
                $"not in the dictionaries; the context names {named.Code} ('{named.Text}')");
        if (best is not null)
            return new ActorResolution(best.Code, best.Sector, best.Text, best.Office, best.Text, best.Why);
        var place = engine.Places.Resolve(StripArticle(phrase));
        if (place is not null)
            return new ActorResolution(place.Country, place.Kind == "city" ? "CVL" : "", phrase, "", place.Name,
                $"'{place.Name}' is a {place.Kind} in {place.Country} (gazetteer); a place as actor stands for its people");
        return new ActorResolution("UNK", "", phrase, "", "", "no dictionary entry or pattern matched");
    }

    private static string StripArticle(string s) =>
        s.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? s[4..] : s;

    /// <summary>The repaired-text offset of an original offset (the first repaired position mapping at or after it).</summary>
    private static int RepairedOffset(Document document, int original)
    {
        int lo = 0, hi = document.Text.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (document.Map.ToOriginal(mid) < original) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
