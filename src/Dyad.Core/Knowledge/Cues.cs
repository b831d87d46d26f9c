using Dyad.Documents;

namespace Dyad.Knowledge;

public enum Cue { Speech, According, Negation, Hypothetical, Future, Boundary, Preposition, Light }

/// <summary>Reporting verbs, negation, modality and clause-boundary words, matched as token phrases.</summary>
public sealed class Cues
{
    private readonly PhraseTrie<Cue> _trie = new(lowerCase: true);

    public static Cues LoadEmbedded(Text.Tokenizer tokenizer)
    {
        var cues = new Cues();
        foreach (var r in DataFile.EmbeddedRows("events/cues.tsv", 2, 2))
        {
            var tokens = tokenizer.Tokenize(r[0]);
            cues._trie.Add([.. tokens.Select(t => t.Lower)], Enum.Parse<Cue>(r[1], ignoreCase: true));
        }
        return cues;
    }

    /// <summary>The cue starting at token <paramref name="start"/>, if any.</summary>
    public bool TryMatch(Document document, int start, int limit, out int end, out Cue cue)
    {
        cue = default;
        if (!_trie.TryMatch(document.Text, document.Tokens, start, limit, out end, out var values)) return false;
        cue = values[0];
        return true;
    }
}

/// <summary>PLOVER quad categories and scores by type and mode.</summary>
public sealed class Scores(IReadOnlyDictionary<(EventType, string), (int Quad, double Score)> table)
{
    public static Scores LoadEmbedded() => new(
        DataFile.EmbeddedRows("events/scores.tsv", 4, 4).ToDictionary(
            r => (Enum.Parse<EventType>(r[0]), r[1]),
            r => (int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture), double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture))));

    public (int Quad, double Score) Of(EventType type, string mode) =>
        table.TryGetValue((type, mode), out var v) ? v : table[(type, "")];
}
