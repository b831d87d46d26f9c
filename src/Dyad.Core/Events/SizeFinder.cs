using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Dyad.Documents;

namespace Dyad.Events;

/// <summary>Counts stated in a sentence: dead, injured, arrested, troops.</summary>
public static partial class SizeFinder
{
    private static readonly Dictionary<string, int> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["hundred"] = 100, ["a dozen"] = 12,
        ["dozens"] = 24, ["hundreds"] = 200, ["thousands"] = 2000,
    };

    public static EventSize Find(string sentence)
    {
        // Each pattern needs a number and one of its keywords; most sentences lack them, and a substring search is cheap.
        var text = sentence.AsSpan();
        if (!text.ContainsAny(DateFinder.Digits) && !text.ContainsAny(NumberWords)) return new EventSize();
        int? dead = text.ContainsAny(DeadWords) ? First(DeadPattern(), sentence) : null;
        int? injured = text.ContainsAny(InjuredWords) ? First(InjuredPattern(), sentence) : null;
        int? arrested = text.ContainsAny(ArrestedWords) ? First(ArrestedPattern(), sentence) : null;
        int? troops = text.ContainsAny(TroopsWords) ? First(TroopsPattern(), sentence) : null;
        return new EventSize(dead, injured, arrested, troops);
    }

    /// <summary>What every number of <see cref="N"/> that is not in digits contains.</summary>
    private static readonly SearchValues<string> NumberWords = Keywords("one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "dozen", "hundred", "thousand");
    private static readonly SearchValues<string> DeadWords = Keywords("kill", "dead", "died", "death", "bodies", "lives");
    private static readonly SearchValues<string> InjuredWords = Keywords("wound", "injur", "hurt");
    private static readonly SearchValues<string> ArrestedWords = Keywords("arrest", "detain", "round", "held");
    private static readonly SearchValues<string> TroopsWords =
        Keywords("troops", "soldiers", "servicemen", "service members", "personnel", "marines", "paratroopers");

    private static SearchValues<string> Keywords(params string[] words) => SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);

    private static int? First(Regex pattern, string text)
    {
        for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
        {
            var n = Number(m.Groups["n"].Value);
            if (n is not null) return n;
        }
        return null;
    }

    private static int? Number(string s)
    {
        s = s.Trim();
        double scale = 1;
        if (s.EndsWith(" million", StringComparison.OrdinalIgnoreCase)) { scale = 1_000_000; s = s[..^8]; }
        if (Words.TryGetValue(s, out int w)) return w;
        return double.TryParse(s.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
            ? (int)(d * scale) : null;
    }

    private const string N = @"(?<n>\d[\d,]*(?:\.\d+)?(?: million)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a dozen|dozens|hundreds|thousands)";

    [GeneratedRegex(@"(?:kill(?:ed|ing)|left|claimed the lives of)\s+(?:at least\s+|nearly\s+|about\s+|some\s+|more than\s+)?" + N + @"|" + N + @"\s+(?:\w+\s+){0,3}?(?:were\s+|have been\s+|had been\s+)?(?:killed|dead|died|deaths|bodies)|death toll (?:\w+\s+){0,3}?(?:to|of|at)\s+" + N, RegexOptions.IgnoreCase)]
    private static partial Regex DeadPattern();

    [GeneratedRegex(@"(?:wound(?:ed|ing)|injur(?:ed|ing))\s+(?:at least\s+|nearly\s+|about\s+|some\s+|more than\s+)?" + N + @"|" + N + @"\s+(?:\w+\s+){0,3}?(?:were\s+|have been\s+)?(?:wounded|injured|hurt)", RegexOptions.IgnoreCase)]
    private static partial Regex InjuredPattern();

    [GeneratedRegex(@"(?:arrest(?:ed|ing)|detain(?:ed|ing)|round(?:ed)? up)\s+(?:at least\s+|nearly\s+|about\s+|some\s+|more than\s+)?" + N + @"|" + N + @"\s+(?:\w+\s+){0,3}?(?:were\s+|have been\s+)?(?:arrested|detained|held)", RegexOptions.IgnoreCase)]
    private static partial Regex ArrestedPattern();

    [GeneratedRegex(N + @"\s+(?:\w+\s+){0,2}?(?:troops|soldiers|servicemen|service members|personnel|marines|paratroopers)", RegexOptions.IgnoreCase)]
    private static partial Regex TroopsPattern();
}
