using Dyad.Documents;

namespace Dyad.Text;

/// <summary>Splits news text into word, number, URL and punctuation tokens with their spans.</summary>
public sealed class Tokenizer(Abbreviations abbreviations)
{
    public List<Token> Tokenize(string text, int from = 0) => Tokenize(text, from, text.Length);

    public List<Token> Tokenize(string text, int from, int to)
    {
        var tokens = new List<Token>(Math.Max(16, (to - from) / 5));
        int i = from;
        while (i < to)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            TokenKind kind;
            if (IsUrlStart(text, i, to))
            {
                while (i < to && !char.IsWhiteSpace(text[i])) i++;
                while (i > start && text[i - 1] is '.' or ',' or ';' or ':' or ')' or '"' or '\'' or '!' or '?') i--;
                kind = TokenKind.Url;
            }
            else if (char.IsDigit(c))
            {
                i = ScanNumber(text, i, to);
                while (i < to && char.IsLetter(text[i])) i++; // 21st, 1990s, 5km
                kind = TokenKind.Number;
            }
            else if (char.IsLetter(c))
            {
                i = ScanWord(text, i, to);
                kind = TokenKind.Word;
            }
            else if (c == '\'' && i + 1 < to && (text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 >= to || !char.IsLetterOrDigit(text[i + 2]))
                     && i > from && char.IsLetterOrDigit(text[i - 1]))
            {
                i += 2; // possessive 's
                kind = TokenKind.Word;
            }
            else
            {
                i++;
                kind = TokenKind.Punct;
            }
            tokens.Add(new Token(new TextSpan(start, i), kind, Lower(text, start, i)));
        }
        return tokens;
    }

    /// <summary>The token's text in lower case, copied once.</summary>
    private static string Lower(string text, int start, int end) =>
        string.Create(end - start, (text, start), static (lower, token) => token.text.AsSpan(token.start, lower.Length).ToLowerInvariant(lower));

    private static bool IsUrlStart(string text, int i, int to) =>
        (text[i] == 'h' && (Starts(text, i, to, "http://") || Starts(text, i, to, "https://")))
        || (text[i] == 'w' && Starts(text, i, to, "www.") && (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] == '('));

    private static bool Starts(string text, int i, int to, string prefix) =>
        to - i >= prefix.Length && string.CompareOrdinal(text, i, prefix, 0, prefix.Length) == 0;

    private static int ScanNumber(string text, int i, int to)
    {
        while (i < to && char.IsDigit(text[i])) i++;
        while (i + 1 < to && text[i] is ',' or '.' or ':' or '/' or '-' && char.IsDigit(text[i + 1]))
        {
            i++;
            while (i < to && char.IsDigit(text[i])) i++;
        }
        return i;
    }

    private int ScanWord(string text, int i, int to)
    {
        int start = i;
        // Dotted initialisms (U.S., a.m., e.g.) and initials ("F.").
        int j = i;
        while (j + 1 < to && char.IsLetter(text[j]) && text[j + 1] == '.')
        {
            j += 2;
            if (j >= to || !char.IsLetter(text[j])) break;
        }
        if (j - i >= 4 || (j - i == 2 && char.IsUpper(text[i]))) return j;
        while (i < to)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c)) { i++; continue; }
            if ((c == '-' || c == '\'' || c == '&') && i + 1 < to && char.IsLetterOrDigit(text[i + 1]))
            {
                // Possessive 's splits off; other apostrophes and hyphens stay inside the word.
                if (c == '\'' && (text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 >= to || !char.IsLetterOrDigit(text[i + 2]))) break;
                i++;
                continue;
            }
            break;
        }
        if (i < to && text[i] == '.' && abbreviations.TryGet(text[start..(i + 1)], out _)) i++;
        return i;
    }
}
