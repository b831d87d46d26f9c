using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Dyad.Input;

/// <summary>
/// Finds the encoding of text bytes: a byte order mark, UTF-16 without one (by its zero bytes), valid UTF-8,
/// the charset that a page or XML declaration names, or else Windows-1252 (a superset of Latin-1's printable
/// characters). UTF-8 with a few damaged bytes stays UTF-8, with replacement characters.
/// </summary>
public static partial class TextDecoder
{
    public sealed record Decoded(string Text, bool Damaged);

    /// <summary>The encoding that the first bytes show, and the length of its byte order mark.</summary>
    public static (Encoding Encoding, int BomLength) Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Encoding.UTF8, 3);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode, 2);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode, 2);
        return (Utf16WithoutBom(head) ?? Encoding.UTF8, 0);
    }

    public static Decoded Decode(ReadOnlySpan<byte> bytes)
    {
        var (encoding, bom) = Detect(bytes);
        bytes = bytes[bom..];
        if (encoding is not UTF8Encoding) return new(encoding.GetString(bytes), false);
        if (Utf8.IsValid(bytes)) return new(Encoding.UTF8.GetString(bytes), false);
        if (Declared(bytes) is { } declared) return new(declared.GetString(bytes), false);
        var (multiByte, invalid) = CountUtf8(bytes);
        return multiByte >= invalid
            ? new(Encoding.UTF8.GetString(bytes), true)
            : new(Windows1252(bytes), false);
    }

    /// <summary>Apart from Decode, so that reading UTF-8 never loads the code page tables.</summary>
    private static string Windows1252(ReadOnlySpan<byte> bytes) => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);

    /// <summary>
    /// A code page named by a meta tag or XML declaration near the start (windows-1251, koi8-r, shift_jis...).
    /// Latin-1 and UTF-8 names are left to the rules, as browsers read Latin-1 as Windows-1252.
    /// </summary>
    private static Encoding? Declared(ReadOnlySpan<byte> bytes)
    {
        var match = Charset().Match(Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]));
        return match.Success ? CodePagesEncodingProvider.Instance.GetEncoding(match.Groups["name"].Value) : null;
    }

    /// <summary>ASCII text in UTF-16 has a zero in every other byte: odd positions for little-endian.</summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> head)
    {
        int pairs = Math.Min(head.Length, 4096) / 2;
        if (pairs < 2) return null;
        int zeroEven = 0, zeroOdd = 0;
        for (int i = 0; i < pairs; i++)
        {
            if (head[2 * i] == 0) zeroEven++;
            if (head[2 * i + 1] == 0) zeroOdd++;
        }
        if (zeroOdd * 10 > pairs * 4 && zeroEven * 20 < pairs) return Encoding.Unicode;
        if (zeroEven * 10 > pairs * 4 && zeroOdd * 20 < pairs) return Encoding.BigEndianUnicode;
        return null;
    }

    [GeneratedRegex(@"(?:<meta[^>]+charset\s*=\s*[""']?|<\?xml[^>]+encoding\s*=\s*[""'])(?<name>[\w.:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();

    private static (int MultiByte, int Invalid) CountUtf8(ReadOnlySpan<byte> bytes)
    {
        int multiByte = 0, invalid = 0;
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out _, out int consumed);
            if (status == System.Buffers.OperationStatus.Done) { if (consumed > 1) multiByte++; }
            else invalid++;
            bytes = bytes[Math.Max(consumed, 1)..];
        }
        return (multiByte, invalid);
    }
}
