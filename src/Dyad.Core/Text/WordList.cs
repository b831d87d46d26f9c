using Dyad.Knowledge;

namespace Dyad.Text;

/// <summary>An English word list (lower case), used to decide whether a line break splits a word.</summary>
public sealed class WordList
{
    private readonly HashSet<string> _words;

    public WordList(IEnumerable<string> words) => _words = new HashSet<string>(words, StringComparer.Ordinal);

    public bool Contains(string lowerWord) => _words.Contains(lowerWord);

    public static WordList LoadEmbedded()
    {
        using var reader = DataFile.OpenEmbedded("text/words.txt.gz");
        var words = new List<string>(120_000);
        for (string? line; (line = reader.ReadLine()) is not null;)
            if (line.Length > 0 && line[0] != '#') words.Add(line.Trim());
        return new WordList(words);
    }
}
