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
        foreach (Match m in Pattern().Matches(text.Substring(range.Start, range.Length)))
        {
            var span = new TextSpan(range.Start + m.Index, range.Start + m.Index + m.Length);
            var (date, vague) = Resolve(m, published);
            found.Add(new DateMention(span, date, vague));
        }
        return found;
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

    [GeneratedRegex(@"\b(?:(?<iso>\d{4}-\d{2}-\d{2})|(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? (?<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,? (?<year>(?:19|20)\d{2}))?|(?<day2>\d{1,2})(?:st|nd|rd|th)? (?<month2>January|February|March|April|May|June|July|August|September|October|November|December)(?: (?<year2>(?:19|20)\d{2}))?|(?:(?<rel>last|this|next|on|early|late) )?(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|(?<rel2>yesterday|today|tonight|tomorrow|last night|this morning|this afternoon|this evening|earlier today|last week|last month|earlier this week|earlier this month|this week))", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
