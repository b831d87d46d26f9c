using Dyad.Documents;
using Dyad.Events;

namespace Dyad.Tests;

public sealed class DateFinderTests
{
    // One example of each alternative of the date pattern, and near misses; add one for any new alternative.
    private static readonly string[] Pieces =
    [
        "2024-11-01", "Jan. 5", "January 12, 2024", "Sept. 3rd", "September. 12th, 2024", "Dec 30", "12 March", "3rd June 2023",
        "Monday", "early Wednesday", "late Friday", "on Sunday", "last Saturday", "next Thursday", "yesterday", "today", "tonight",
        "tomorrow", "last night", "this morning", "this afternoon", "this evening", "earlier today", "last week", "last month",
        "earlier this week", "earlier this month", "this week", "TUESDAY", "Mayday", "holidays", "weekend", "months", "12", "1999",
        "Oct", "said", "the", ",", ".", "(", "\u2014", "x9", "9x", "_Monday", "wee\u212A", "\u017Funday",
    ];

    [Fact]
    public void The_windowed_search_finds_what_a_scan_of_the_whole_text_finds()
    {
        var random = new Random(7);
        string[] separators = [" ", "", " ", ", ", "\n", "-", "zzzzzzzzzzzzzzzzzzzz "];
        for (int i = 0; i < 20_000; i++)
        {
            var text = new System.Text.StringBuilder("AB ");
            for (int k = random.Next(1, 25); k > 0; k--)
                text.Append(Pieces[random.Next(Pieces.Length)]).Append(separators[random.Next(separators.Length)]);
            string s = text.ToString();
            var range = new TextSpan(random.Next(0, 3), s.Length);
            var expected = DateFinder.Pattern().Matches(s[range.Start..]).Select(m => (range.Start + m.Index, m.Length));
            var found = DateFinder.Find(s, range, new DateOnly(2024, 5, 1)).Select(d => (d.Span.Start, d.Span.Length));
            Assert.Equal(expected, found);
        }
    }
}
