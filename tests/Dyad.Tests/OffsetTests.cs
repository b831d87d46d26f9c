namespace Dyad.Tests;

/// <summary>Random text with every kind of repair: offsets of repaired text must still point at the same characters.</summary>
public sealed class OffsetTests
{
    private static readonly string[] Pieces =
    [
        "al\nso ", "(IC\nBM) ", "front-\nline ", "intercon-\ntinental ", "&#39;", "& # 39;", "&amp; ", "\u201Cquoted\u201D ",
        "\u2014 ", "\u00A0", "  \t ", "\n\n", "\nAdvertisement\n", "The U.S. envoy ", "met Gen. Lee. ", "10,000 troops ",
        "Seoul's ministry said ", "\r\n", "word ", "\u00AD", "caf\u00E9 ",
    ];

    [Fact]
    public void Repaired_offsets_map_back_into_the_original()
    {
        var random = new Random(7);
        for (int round = 0; round < 300; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var doc = Shared.Process(text);
            TextSpecTests.AssertOffsetsPointIntoOriginal(doc);
            foreach (var token in doc.Tokens)
            {
                var span = doc.ToOriginal(token.Span);
                Assert.InRange(span.Start, 0, doc.Original.Length);
                Assert.InRange(span.End, span.Start, doc.Original.Length);
            }
        }
    }
}
