using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Dyad.Documents;

namespace Dyad.Events;

/// <summary>A date expression in the text and the day it resolves to (null when it cannot be known).</summary>
public readonly record struct DateMention(TextSpan Span, DateOnly? Date, bool Vague);

/// <summary>Finds date expressions ("Friday", "yesterday", "on Nov. 1", "2024-11-01", "last week") and resolves them against the publication date.</summary>
public static partial class DateFinder
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static List<DateMention> Find(string text, TextSpan range, DateOnly? published)
    {
        var found = new List<DateMention>();
        string body = text.Substring(range.Start, range.Length);
        var anchors = new Anchors(body);
        for (var m = Next(body, 0, ref anchors); m is not null; m = Next(body, m.Index + m.Length, ref anchors))
        {
            var span = new TextSpan(range.Start + m.Index, range.Start + m.Index + m.Length);
            var (date, vague) = Resolve(m, published);
            found.Add(new DateMention(span, date, vague));
        }
        return found;
    }

    // Every date expression holds a digit or one of these words within its first 13 characters ("earlier this
    // month") and is at most 21 long ("September. 12th, 2024"), so the pattern need only run around them.
    // The words avoid "k", which the pattern's case-insensitivity also matches as the Kelvin sign.
    // A new alternative in the pattern needs an anchor here.
    private const int Before = 13, After = 24;
    private static readonly SearchValues<string> AnchorWords = SearchValues.Create(
        ["day", "night", "tomorrow", "morning", "afternoon", "evening", "wee", "month"], StringComparison.OrdinalIgnoreCase);
    /// <summary>What the pattern's \d matches: every Unicode decimal digit.</summary>
    internal static readonly SearchValues<char> Digits = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsDigit)]);

    /// <summary>
    /// The match at or after <paramref name="from"/> that a scan of the whole body finds, found by running the
    /// pattern in a window around each anchor: a match starting in the window before the anchor is the next one.
    /// </summary>
    private static Match? Next(string body, int from, ref Anchors anchors)
    {
        for (int anchor = anchors.Next(from); anchor >= 0; anchor = anchors.Next(anchor + 1))
        {
            int start = Math.Max(from, anchor - Before), end = Math.Min(body.Length, anchor + After);
            var m = Pattern().Match(body, start, end - start);
            if (!m.Success || m.Index > anchor) continue;
            // The window hides the character before it, which decides a word boundary there: ask the whole body.
            if (m.Index == start && start > 0)
            {
                m = Pattern().Match(body, start);
                return m.Success ? m : null;
            }
            return m;
        }
        return null;
    }

    /// <summary>The next digit or anchor word, each searched for again only once passed.</summary>
    private struct Anchors(string body)
    {
        private int _digit = -2, _word = -2;

        public int Next(int from)
        {
            if (_digit != -1 && _digit < from) _digit = Find(body.AsSpan(from).IndexOfAny(Digits), from);
            if (_word != -1 && _word < from) _word = Find(body.AsSpan(from).IndexOfAny(AnchorWords), from);
            return _digit < 0 ? _word : _word < 0 ? _digit : Math.Min(_digit, _word);
        }

        private static int Find(int index, int from) => index < 0 ? -1 : from + index;
    }

    private static (DateOnly?, bool) Resolve(Match m, DateOnly? published)
    {
        if (m.Groups["iso"].Success)
            return (DateOnly.TryParseExact(m.Groups["iso"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null, false);
        if (m.Groups["month"].Success || m.Groups["month2"].Success)
        {
            string monthText = (m.Groups["month"].Success ? m.Groups["month"].Value : m.Groups["month2"].Value).ToLowerInvariant();
            int month = Array.FindIndex(Months, p => monthText.StartsWith(p, StringComparison.Ordinal)) + 1;
            int day = int.Parse(m.Groups["day"].Success ? m.Groups["day"].Value : m.Groups["day2"].Value, CultureInfo.InvariantCulture);
            string yearText = m.Groups["year"].Success ? m.Groups["year"].Value : m.Groups["year2"].Value;
            int? year = yearText.Length > 0 ? int.Parse(yearText, CultureInfo.InvariantCulture) : published?.Year;
            if (year is null || month < 1 || day < 1 || day > DateTime.DaysInMonth(year.Value, month)) return (null, false);
            var date = new DateOnly(year.Value, month, day);
            // "Dec. 30" in a story of Jan. 2 is last year's.
            if (yearText.Length == 0 && published is DateOnly p && date > p.AddDays(31)) date = date.AddYears(-1);
            return (date, false);
        }
        if (published is not DateOnly pub) return (null, false);
        if (m.Groups["weekday"].Success)
        {
            var weekday = Enum.Parse<DayOfWeek>(m.Groups["weekday"].Value, ignoreCase: true);
            int back = ((int)pub.DayOfWeek - (int)weekday + 7) % 7;
            bool next = m.Groups["rel"].Value.Equals("next", StringComparison.OrdinalIgnoreCase);
            if (next) return (pub.AddDays(back == 0 ? 7 : 7 - back), false);
            if (m.Groups["rel"].Value.Equals("last", StringComparison.OrdinalIgnoreCase) && back == 0) back = 7;
            return (pub.AddDays(-back), false);
        }
        return m.Groups["rel2"].Value.ToLowerInvariant() switch
        {
            "yesterday" or "last night" => (pub.AddDays(-1), false),
            "today" or "tonight" or "this morning" or "this afternoon" or "this evening" or "earlier today" => (pub, false),
            "tomorrow" => (pub.AddDays(1), false),
            "last week" => (pub.AddDays(-7), true),
            "last month" => (pub.AddMonths(-1), true),
            _ => (pub, true), // "earlier this week", "earlier this month", "this week"
        };
    }

    // Every alternative must hold a digit or an anchor word near its start (see AnchorWords).
    [GeneratedRegex(@"\b(?:(?<iso>\d{4}-\d{2}-\d{2})|(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? (?<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,? (?<year>(?:19|20)\d{2}))?|(?<day2>\d{1,2})(?:st|nd|rd|th)? (?<month2>January|February|March|April|May|June|July|August|September|October|November|December)(?: (?<year2>(?:19|20)\d{2}))?|(?:(?<rel>last|this|next|on|early|late) )?(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|(?<rel2>yesterday|today|tonight|tomorrow|last night|this morning|this afternoon|this evening|earlier today|last week|last month|earlier this week|earlier this month|this week))", RegexOptions.IgnoreCase)]
    internal static partial Regex Pattern();
}
