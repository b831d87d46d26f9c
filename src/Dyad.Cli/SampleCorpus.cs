using System.Text.RegularExpressions;
using Dyad.Documents;

namespace Dyad.Cli;

/// <summary>
/// A fixed corpus for benchmarks and store tests: articles of 6 to 14 sentences drawn with a fixed seed from the
/// bundled invented passages (bench-passages.txt), dated over a year, from twelve made-up outlets. Streamed.
/// </summary>
public static partial class SampleCorpus
{
    public static IEnumerable<Article> Generate(long maxChars, int maxArticles = int.MaxValue)
    {
        var sentences = Sentences();
        var random = new Random(20241102);
        long produced = 0;
        for (int i = 0; produced < maxChars && i < maxArticles; i++)
        {
            int count = random.Next(6, 15);
            var text = string.Join(' ', Enumerable.Range(0, count).Select(_ => sentences[random.Next(sentences.Count)]));
            produced += text.Length;
            yield return new Article($"bench-{i}", text)
            {
                Date = new DateOnly(2024, 11, 2).AddDays(-random.Next(0, 365)),
                Source = $"Outlet {i % 12 + 1}",
                Origin = $"bench-{i}",
            };
        }
    }

    private static List<string> Sentences()
    {
        using var stream = typeof(SampleCorpus).Assembly.GetManifestResourceStream("Dyad.Cli.bench-passages.txt")!;
        using var reader = new StreamReader(stream);
        var prose = string.Join(' ', reader.ReadToEnd().Split('\n').Where(line => !line.StartsWith('#')));
        return [.. SentenceEnd().Split(prose).Select(s => s.Trim()).Where(s => s.Length > 20)];
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""])")]
    private static partial Regex SentenceEnd();
}
