using Dyad.Documents;
using Dyad.Knowledge;

namespace Dyad.Events;

/// <summary>Finds where an event happened: "in Ottawa", "near the border town of X", "in the Kursk region", or the dateline.</summary>
public sealed class PlaceFinder(Gazetteer gazetteer)
{
    private static readonly HashSet<string> RegionWords = new(StringComparer.Ordinal)
    {
        "region", "province", "oblast", "state", "governorate", "district", "county", "prefecture", "territory",
    };

    /// <summary>Places introduced by a locative preposition in tokens [from, to), nearest to <paramref name="anchor"/> first.</summary>
    public EventPlace? Find(Document document, int from, int to, int anchor, IReadOnlyCollection<string> countries)
    {
        EventPlace? best = null;
        int bestDistance = int.MaxValue;
        for (int t = from; t < to; t++)
        {
            // A locative preposition (a pattern, cheaper than a set lookup at every token).
            if (document.Tokens[t].Lower is not ("in" or "at" or "near" or "outside" or "inside" or "across" or "around" or "off" or "into")) continue;
            int s = t + 1;
            while (s < to && document.Tokens[s].Lower is "the" or "a" or "border" or "town" or "city" or "village" or "capital" or "port" or "of" or "northern" or "southern" or "eastern" or "western" or "central")
                s++;
            var place = Name(document, s, to, countries);
            if (place is null) continue;
            int distance = Math.Abs(t - anchor);
            if (distance < bestDistance)
            {
                best = place;
                bestDistance = distance;
            }
        }
        return best;
    }

    public EventPlace? Dateline(Document document)
    {
        if (document.DatelinePlace is null || document.Dateline is not TextSpan span) return null;
        var place = gazetteer.Resolve(document.DatelinePlace);
        return place is null ? null : ToPlace(document.DatelinePlace, place, span);
    }

    private EventPlace? Name(Document document, int start, int to, IReadOnlyCollection<string> countries)
    {
        int end = start;
        while (end < to && end - start < 4 && IsCapitalized(document, end)) end++;
        for (int e = end; e > start; e--)
        {
            string name = document.TokenText(start, e);
            bool region = e < to && RegionWords.Contains(document.Tokens[e].Lower);
            var place = region
                ? gazetteer.Resolve(name, countries, "admin1") ?? gazetteer.Resolve(name + " " + Capitalize(document.Tokens[e].Lower), countries)
                  ?? gazetteer.Resolve(name, countries)
                : gazetteer.Resolve(name, countries);
            if (place is not null)
                return ToPlace(region ? document.TokenText(start, e + 1) : name, place, document.TokenSpan(start, region ? e + 1 : e));
        }
        return null;
    }

    private static EventPlace ToPlace(string extracted, Place place, TextSpan span) =>
        new(extracted, place.Name, place.Country, place.Lat, place.Lon) { Span = span };

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static bool IsCapitalized(Document document, int t) =>
        document.Tokens[t].IsWord && char.IsUpper(document.Text[document.Tokens[t].Span.Start]);
}
