using System.Buffers;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dyad.Documents;
using Dyad.Knowledge;
using Dyad.Pipeline;

namespace Dyad.Text;

/// <summary>
/// Repairs text as extraction leaves it: words broken across lines, HTML entities, typographic quotes and
/// dashes, odd whitespace and stand-alone page furniture. Every output character keeps its original offset.
/// </summary>
public sealed partial class TextRepairStage(WordList words, IReadOnlyList<Regex> nonProse) : IStage
{
    public string Name => "repair";
    public Layer Needs => Layer.Text;
    public Layer Produces => Layer.Repaired;

    public static IReadOnlyList<Regex> LoadNonProse() =>
        [.. DataFile.EmbeddedRows("text/non-prose.tsv", 1, 1)
            .Select(r => new Regex("^(?:" + r[0] + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))];

    public void Process(Document document)
    {
        var (text, map) = Repair(document.Original);
        document.SetRepairedText(text, map);
    }

    public (string Text, OffsetMap Map) Repair(string original)
    {
        var output = new StringBuilder(original.Length);
        var map = new OffsetMap.Builder();
        HashSet<string>? vocabulary = null;
        int i = 0;
        int n = original.Length;
        while (i < n)
        {
            if (i == 0 || original[i - 1] == '\n')
            {
                int lineEnd = original.IndexOf('\n', i);
                if (lineEnd < 0) lineEnd = n;
                if (IsNonProse(original.AsSpan(i, lineEnd - i)))
                {
                    i = Math.Min(n, lineEnd + 1);
                    continue;
                }
            }

            // Most characters are copied as they are: copy them a run at a time.
            int plain = original.AsSpan(i).IndexOfAny(Special);
            int runEnd = plain < 0 ? n : i + plain;
            if (runEnd > i)
            {
                map.Mark(output.Length, i);
                output.Append(original, i, runEnd - i);
                i = runEnd;
                continue;
            }

            char c = original[i];
            if (c == '&' && TryEntity(original, i, out int entityLength, out string decoded))
            {
                foreach (char d in decoded) Emit(output, map, Normalize(d), i);
                i += entityLength;
                continue;
            }
            if (c == '-' && IsLetterBefore(output) && NextLineStart(original, i + 1) is int afterHyphen
                && afterHyphen < n && char.IsLower(original[afterHyphen]))
            {
                // "intercon-\ntinental" joins; "front-\nline" keeps its hyphen.
                string left = WordBefore(output);
                string right = WordAt(original, afterHyphen);
                bool join = IsWord(left + right, original, ref vocabulary) && !(IsWord(left, original, ref vocabulary) && IsWord(right, original, ref vocabulary));
                if (!join) Emit(output, map, '-', i);
                i = afterHyphen;
                continue;
            }
            if (IsLineBreak(c) && IsLetterBefore(output) && NextLineStart(original, i) is int next
                && next < n && char.IsLetter(original[next]) && !IsParagraphBreak(original, i, next))
            {
                string left = WordBefore(output);
                string right = WordAt(original, next);
                if (ShouldJoin(left, right, original, next, ref vocabulary))
                {
                    i = next;
                    continue;
                }
            }
            if (IsSpace(c))
            {
                int end = i;
                int newlines = 0;
                while (end < n && IsSpace(original[end]))
                {
                    if (original[end] == '\n') newlines++;
                    end++;
                }
                if (newlines >= 2) { Emit(output, map, '\n', i); Emit(output, map, '\n', i); }
                else if (newlines == 1) Emit(output, map, '\n', original.IndexOf('\n', i));
                else if (output.Length > 0) Emit(output, map, ' ', i);
                i = end;
                continue;
            }
            if (IsInvisible(c))
            {
                i++;
                continue;
            }
            Emit(output, map, Normalize(c), i);
            i++;
        }
        while (output.Length > 0 && char.IsWhiteSpace(output[^1])) output.Length--;
        map.Mark(output.Length, n);
        return (output.ToString(), map.Build());
    }

    private static void Emit(StringBuilder output, OffsetMap.Builder map, char c, int originalOffset)
    {
        map.Mark(output.Length, originalOffset);
        output.Append(c);
    }

    private bool IsNonProse(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty || line.Length > 200) return false;
        string s = line.ToString();
        foreach (var pattern in nonProse)
            if (pattern.IsMatch(s)) return true;
        return false;
    }

    private bool ShouldJoin(string left, string right, string original, int rightStart, ref HashSet<string>? vocabulary)
    {
        if (left.Length == 0 || right.Length == 0) return false;
        string joined = left + right;
        bool leftWord = IsWord(left, original, ref vocabulary);
        bool rightWord = IsWord(right, original, ref vocabulary);
        if (IsWord(joined, original, ref vocabulary) && !(leftWord && rightWord)) return true;
        // An acronym split inside brackets: "(IC\nBM)".
        bool caps = IsAllCaps(left) && IsAllCaps(right);
        int leftStart = rightStart - 1;
        while (leftStart >= 0 && !char.IsLetter(original[leftStart])) leftStart--;
        leftStart -= left.Length;
        char before = leftStart >= 0 ? original[leftStart] : ' ';
        int rightEnd = rightStart + right.Length;
        char after = rightEnd < original.Length ? original[rightEnd] : ' ';
        return caps && (before == '(' || after == ')') && !(leftWord && rightWord);
    }

    private static readonly HashSet<string> ShortWords = new(StringComparer.Ordinal)
    {
        "a", "i", "o", "ah", "am", "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "it",
        "me", "my", "no", "of", "oh", "ok", "on", "or", "ox", "so", "to", "up", "us", "we",
    };

    /// <summary>A word in the English list, or one the document itself uses elsewhere. One- and two-letter
    /// fragments count only when they are real English words: the list holds names such as "al" in lower case.</summary>
    private bool IsWord(string word, string original, ref HashSet<string>? vocabulary)
    {
        string lower = word.ToLowerInvariant();
        if (lower.Length <= 2) return ShortWords.Contains(lower);
        if (words.Contains(lower)) return true;
        vocabulary ??= Vocabulary(original);
        return vocabulary.Contains(lower);
    }

    private static HashSet<string> Vocabulary(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in WordPattern().Matches(text))
        {
            int end = m.Index + m.Length;
            bool brokenBefore = m.Index > 0 && text[m.Index - 1] is '\n' or '-';
            bool brokenAfter = end < text.Length && text[end] is '\n' or '-';
            if (!brokenBefore && !brokenAfter) set.Add(m.Value.ToLowerInvariant());
        }
        return set;
    }

    private static bool TryEntity(string text, int i, out int length, out string decoded)
    {
        var m = EntityPattern().Match(text, i);
        if (m.Success && m.Index == i)
        {
            string entity = m.Groups["num"].Success
                ? "&#" + m.Groups["num"].Value + ";"
                : m.Groups["hex"].Success ? "&#x" + m.Groups["hex"].Value + ";" : m.Value;
            string value = WebUtility.HtmlDecode(entity);
            if (value != entity)
            {
                length = m.Length;
                decoded = value;
                return true;
            }
        }
        length = 0;
        decoded = "";
        return false;
    }

    private static int? NextLineStart(string text, int i)
    {
        int j = i;
        while (j < text.Length && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) j++;
        if (j >= text.Length || text[j] != '\n') return null;
        j++;
        while (j < text.Length && (text[j] == ' ' || text[j] == '\t')) j++;
        return j;
    }

    /// <summary>The characters the loop in <see cref="Repair"/> treats specially: all others are copied unchanged.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "&-\n\r \t\f\v\u00A0\u2007\u202F\u2009\u200A\u3000\u00AD\u200B\u200C\u200D\uFEFF\u2060"
        + "\u2018\u2019\u201A\u201B\u2032`\u00B4\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB"
        + "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2026");

    private static bool IsParagraphBreak(string text, int from, int to) => text.AsSpan(from, to - from).Count('\n') > 1;
    private static bool IsLineBreak(char c) => c is '\n' or '\r';
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' or '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' or '\u3000';
    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u2060';
    private static bool IsAllCaps(string s) => s.All(char.IsUpper);
    private static bool IsLetterBefore(StringBuilder output) => output.Length > 0 && char.IsLetter(output[^1]);

    private static string WordBefore(StringBuilder output)
    {
        int j = output.Length;
        while (j > 0 && char.IsLetter(output[j - 1])) j--;
        return output.ToString(j, output.Length - j);
    }

    private static string WordAt(string text, int i)
    {
        int j = i;
        while (j < text.Length && char.IsLetter(text[j])) j++;
        return text[i..j];
    }

    private static char Normalize(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u2026' => '.',
        _ => c,
    };

    [GeneratedRegex(@"&\s?#\s?(?<num>\d{1,6})\s?;|&#[xX](?<hex>[0-9a-fA-F]{1,6});|&[a-zA-Z]{2,10};")]
    private static partial Regex EntityPattern();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();
}
