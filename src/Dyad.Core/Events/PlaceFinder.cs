using Dyad.Documents;
using Dyad.Knowledge;

namespace Dyad.Events;

/// <summary>Finds where an event happened: "in Ottawa", "near the border town of X", "in the Kursk region", or the dateline.</summary>
public sealed class PlaceFinder(Gazetteer gazetteer)
{
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
            // "in West Darfur State": "West" alone is part of a longer name, not Cameroon's West region.
            if (e < end && !NameEnds(document.Tokens[e].Lower)) continue;
            string name = document.TokenText(start, e);
            bool region = e < to && Gazetteer.RegionWords.Contains(document.Tokens[e].Lower);
            var place = region
                ? Resolve(name, countries, "admin1") ?? Resolve(name + " " + Capitalize(document.Tokens[e].Lower), countries)
                  ?? Resolve(name, countries)
                : Resolve(name, countries);
            if (place is not null)
                return ToPlace(region ? document.TokenText(start, e + 1) : name, place, document.TokenSpan(start, region ? e + 1 : e));
        }
        return null;
    }

    /// <summary>A name as written, or with its compass word as the gazetteer has it: "West Darfur" is "Western Darfur".</summary>
    private Place? Resolve(string name, IReadOnlyCollection<string> countries, string? kind = null)
    {
        var place = gazetteer.Resolve(name, countries, kind);
        if (place is not null) return place;
        int space = name.IndexOf(' ');
        return space > 0 && name[..space] is "North" or "South" or "East" or "West"
            ? gazetteer.Resolve(name[..space] + "ern" + name[space..], countries, kind)
            : null;
    }

    /// <summary>Capitalised words that may follow a place name without being part of it: "in Kabul Province", "in Ottawa Friday".</summary>
    private static bool NameEnds(string word) => Gazetteer.RegionWords.Contains(word) || word == "city" || DateWords.Contains(word);

    private static readonly HashSet<string> DateWords = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    private static EventPlace ToPlace(string extracted, Place place, TextSpan span) =>
        new(extracted, place.Name, place.Country, place.Lat, place.Lon) { Span = span };

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static bool IsCapitalized(Document document, int t) =>
        document.Tokens[t].IsWord && char.IsUpper(document.Text[document.Tokens[t].Span.Start]);
}
