using Dyad.Knowledge;

namespace Dyad.Text;

public enum AbbreviationKind { Title, Month, Other }

/// <summary>Abbreviations that keep their final period ("Gen.", "U.S.").</summary>
public sealed class Abbreviations(IReadOnlyDictionary<string, AbbreviationKind> entries)
{
    public bool TryGet(string token, out AbbreviationKind kind) => entries.TryGetValue(token, out kind);

    public static Abbreviations LoadEmbedded() => new(
        DataFile.EmbeddedRows("text/abbreviations.tsv", 2, 2).ToDictionary(
            r => r[0],
            r => Enum.Parse<AbbreviationKind>(r[1], ignoreCase: true),
            StringComparer.Ordinal));
}
