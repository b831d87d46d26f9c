namespace Dyad.Knowledge;

/// <summary>English inflections for the lexicon: regular rules plus a table of irregular verbs.</summary>
public sealed class Inflector(IReadOnlyDictionary<string, List<string>> irregular)
{
    /// <summary>A verb may have several rows; each adds its forms ("burned" and "burnt").</summary>
    public static Inflector LoadEmbedded()
    {
        var table = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var r in DataFile.EmbeddedRows("events/irregular-verbs.tsv", 5, 5))
        {
            if (!table.TryGetValue(r[0], out var forms)) table[r[0]] = forms = [];
            forms.AddRange(r[1..].SelectMany(f => f.Split('|')));
        }
        return new Inflector(table);
    }

    /// <summary>The base form and its past, participle, third-person and -ing forms.</summary>
    public IEnumerable<string> VerbForms(string verb)
    {
        if (irregular.TryGetValue(verb, out var forms))
            return new[] { verb }.Concat(forms).Distinct();
        return new[] { verb, Past(verb), Third(verb), Gerund(verb) }.Distinct();
    }

    public static IEnumerable<string> NounForms(string noun) => new[] { noun, Plural(noun) }.Distinct();

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string Third(string v) =>
        v.EndsWith('s') || v.EndsWith('x') || v.EndsWith('z') || v.EndsWith("ch", StringComparison.Ordinal) || v.EndsWith("sh", StringComparison.Ordinal) ? v + "es"
        : v.Length > 1 && v[^1] == 'y' && !IsVowel(v[^2]) ? v[..^1] + "ies"
        : v + "s";

    private static string Past(string v) =>
        v.EndsWith('e') ? v + "d"
        : v.Length > 1 && v[^1] == 'y' && !IsVowel(v[^2]) ? v[..^1] + "ied"
        : v + "ed";

    private static string Gerund(string v) =>
        v.EndsWith("ie", StringComparison.Ordinal) ? v[..^2] + "ying"
        : v.EndsWith('e') && !v.EndsWith("ee", StringComparison.Ordinal) && !v.EndsWith("ye", StringComparison.Ordinal) && !v.EndsWith("oe", StringComparison.Ordinal) && v.Length > 2 ? v[..^1] + "ing"
        : v + "ing";

    public static string Plural(string n) =>
        n.EndsWith('s') || n.EndsWith('x') || n.EndsWith('z') || n.EndsWith("ch", StringComparison.Ordinal) || n.EndsWith("sh", StringComparison.Ordinal) ? n + "es"
        : n.Length > 1 && n[^1] == 'y' && !IsVowel(n[^2]) ? n[..^1] + "ies"
        : n + "s";
}
