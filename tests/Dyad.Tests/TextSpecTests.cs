using Dyad.Documents;

namespace Dyad.Tests;

/// <summary>The text spec files (Specs/text-repair.md, sentences.md, datelines.md), one test per example.</summary>
public sealed class TextSpecTests
{
    public static TheoryData<string> Repair => SpecFile.Ids("repair");
    public static TheoryData<string> Sentences => SpecFile.Ids("sentences");
    public static TheoryData<string> Datelines => SpecFile.Ids("dateline");

    [Theory]
    [MemberData(nameof(Repair))]
    public void Repairs_text(string id)
    {
        var example = SpecFile.Get(id);
        var doc = Shared.Process(example.Input);
        Assert.Equal(example.Expected, doc.Text);
        AssertOffsetsPointIntoOriginal(doc);
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Splits_sentences(string id)
    {
        var example = SpecFile.Get(id);
        var doc = Shared.Process(example.Input);
        var sentences = doc.Sentences.Select(s => doc.Slice(s.Span).ReplaceLineEndings(" ")).ToList();
        Assert.Equal(example.Expected.Split('\n'), sentences);
        foreach (var s in doc.Sentences)
        {
            var original = doc.ToOriginal(s.Span);
            Assert.Equal(doc.Slice(s.Span)[..1], doc.Original.Substring(original.Start, 1));
        }
    }

    [Theory]
    [MemberData(nameof(Datelines))]
    public void Finds_datelines(string id)
    {
        var example = SpecFile.Get(id);
        var doc = Shared.Process(example.Input);
        var expected = example.Expected.Split('\n');
        Assert.Equal(expected[0], doc.DatelinePlace ?? "-");
        Assert.Equal(expected[1], doc.Slice(doc.Sentences[0].Span));
    }

    /// <summary>Every letter or digit of the repaired text maps to the same character in the original.</summary>
    internal static void AssertOffsetsPointIntoOriginal(Document doc)
    {
        for (int i = 0; i < doc.Text.Length; i++)
        {
            char c = doc.Text[i];
            if (!char.IsLetterOrDigit(c)) continue;
            int o = doc.Map.ToOriginal(i);
            Assert.InRange(o, 0, doc.Original.Length - 1);
            Assert.Equal(c, doc.Original[o]);
        }
    }
}
