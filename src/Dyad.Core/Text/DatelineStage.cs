using System.Text.RegularExpressions;
using Dyad.Documents;
using Dyad.Knowledge;
using Dyad.Pipeline;

namespace Dyad.Text;

/// <summary>
/// Finds a dateline at the start of the story ("SEOUL, Nov 2 (Reuters) -", "Ottawa:", "KYIV, Ukraine (AP) -"),
/// records its place, and moves the body start past it so it stays out of the first sentence.
/// </summary>
public sealed partial class DatelineStage(Gazetteer places) : IStage
{
    public string Name => "dateline";
    public Layer Needs => Layer.Repaired;
    public Layer Produces => Layer.Dateline;

    public void Process(Document document)
    {
        string text = document.Text;
        int start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var m = Pattern().Match(text, start, Math.Min(160, text.Length - start));
        if (!m.Success) return;
        string written = m.Groups["place"].Value.Trim();
        bool allCaps = written.Where(char.IsLetter).All(char.IsUpper);
        string name = allCaps ? TitleCase(written) : written;
        var place = places.Resolve(name);
        bool accept = place is not null || m.Groups["agency"].Success
            || (allCaps && (m.Groups["day"].Success || m.Groups["region"].Success));
        if (!accept) return;
        var placeGroup = m.Groups["place"];
        document.Dateline = new TextSpan(placeGroup.Index, placeGroup.Index + placeGroup.Value.TrimEnd().Length);
        document.DatelinePlace = name;
        document.DatelineCountry = place?.Country;
        document.BodyStart = m.Index + m.Length;
    }

    private static string TitleCase(string s) =>
        string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length <= 1 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

    [GeneratedRegex(@"\G(?<place>\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,3})(?:, (?<region>\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2}))?(?:,? (?<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?))?(?: ?\((?<agency>[\p{L} .&-]{2,40})\))? ?(?:-{1,2}|:) +")]
    private static partial Regex Pattern();
}
