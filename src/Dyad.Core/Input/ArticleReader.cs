using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Input;

/// <summary>
/// Reads articles from text files, JSON Lines files, folders (recursively) and standard input. Every problem
/// is reported with its origin and a stable code, and reading goes on with the next article.
/// </summary>
public sealed class ArticleReader(ArticleReaderOptions options)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly HashSet<string> JsonLinesExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jsonl", ".ndjson", ".json" };

    public IEnumerable<InputItem> Read(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                foreach (var item in ReadStream(Console.OpenStandardInput(), "stdin", "stdin")) yield return item;
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0)
                    yield return Problem(path, ErrorCodes.EmptyFolder, "the folder holds no files");
                foreach (var file in files)
                    foreach (var item in ReadFile(file)) yield return item;
            }
            else if (File.Exists(path))
            {
                foreach (var item in ReadFile(path)) yield return item;
            }
            else
            {
                yield return Problem(path, ErrorCodes.MissingInput, "no such file or folder");
            }
        }
    }

    private IEnumerable<InputItem> ReadFile(string file)
    {
        Stream stream;
        long length;
        try
        {
            stream = File.OpenRead(file);
            length = stream.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [Problem(file, ErrorCodes.UnreadableInput, $"cannot read the file ({e.Message})")];
        }
        bool jsonLines = JsonLinesExtensions.Contains(Path.GetExtension(file));
        if (!jsonLines && length > options.MaxArticleBytes)
        {
            stream.Dispose();
            return [Problem(file, ErrorCodes.TooLarge, $"{length / 1_000_000.0:0.#} MB is above the {options.MaxArticleBytes / 1_000_000.0:0.#} MB article limit (--max-size)")];
        }
        return ReadStream(stream, file, Path.GetFileNameWithoutExtension(file), jsonLines);
    }

    private IEnumerable<InputItem> ReadStream(Stream stream, string origin, string id, bool? jsonLines = null)
    {
        using (stream)
        {
            var buffered = new BufferedStream(stream, 1 << 16);
            var head = new byte[8192];
            int headLength = buffered.Read(head, 0, head.Length);
            if (IsBinary(head.AsSpan(0, headLength)))
            {
                yield return Problem(origin, ErrorCodes.BinaryInput, "the file looks binary (not text); skipped");
                yield break;
            }
            var all = new ConcatStream(head, headLength, buffered);
            var encoding = DetectEncoding(head.AsSpan(0, headLength), out int bomLength);
            all.Skip(bomLength);
            bool lines = jsonLines ?? FirstNonSpace(head.AsSpan(bomLength, headLength - bomLength), encoding) == '{';
            if (lines)
            {
                foreach (var item in ReadJsonLines(all, encoding, origin)) yield return item;
                yield break;
            }
            var (text, replaced) = Decode(all, encoding, options.MaxArticleBytes);
            if (text is null)
            {
                yield return Problem(origin, ErrorCodes.TooLarge, $"the article is above the {options.MaxArticleBytes / 1_000_000.0:0.#} MB limit (--max-size)");
                yield break;
            }
            if (replaced) yield return Warning(origin, ErrorCodes.InvalidEncoding, "invalid UTF-8; bad bytes were replaced with U+FFFD");
            if (string.IsNullOrWhiteSpace(text))
            {
                yield return Problem(origin, ErrorCodes.EmptyArticle, "the article is empty");
                yield break;
            }
            yield return new InputItem(new Article(id, text) { Date = options.Date, Origin = origin }, null);
        }
    }

    private IEnumerable<InputItem> ReadJsonLines(Stream stream, Encoding encoding, string origin)
    {
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false);
        int lineNumber = 0;
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string where = $"{origin}:{lineNumber}";
            if (line.Length > options.MaxArticleBytes)
            {
                yield return Problem(where, ErrorCodes.TooLarge, $"the line is above the {options.MaxArticleBytes / 1_000_000.0:0.#} MB article limit (--max-size)");
                continue;
            }
            if (line.Contains('\uFFFD'))
                yield return Warning(where, ErrorCodes.InvalidEncoding, "invalid UTF-8 or replacement characters in the line");
            InputItem item;
            try
            {
                item = ParseArticle(line, where, $"{Path.GetFileNameWithoutExtension(origin)}-{lineNumber}");
            }
            catch (JsonException e)
            {
                item = Problem(where, ErrorCodes.MalformedJson, $"malformed JSON ({e.Message.Split(" Path:")[0]}); line skipped");
            }
            yield return item;
        }
        if (lineNumber == 0) yield return Problem(origin, ErrorCodes.EmptyArticle, "the file is empty");
    }

    private InputItem ParseArticle(string line, string where, string fallbackId)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return Problem(where, ErrorCodes.MalformedJson, "the line is JSON but not an object; skipped");
        string? Text(string name) =>
            root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string id = Text("id") ?? (root.TryGetProperty("id", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetRawText() : fallbackId);
        string? text = Text("text");
        if (string.IsNullOrWhiteSpace(text))
            return Problem(where, ErrorCodes.EmptyArticle, $"article '{id}' has no \"text\"");
        DateOnly? date = options.Date;
        if (Text("date") is { Length: >= 10 } d)
        {
            if (DateOnly.TryParseExact(d[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) date = parsed;
            else return Problem(where, ErrorCodes.MalformedJson, $"article '{id}': \"date\" '{d}' is not YYYY-MM-DD");
        }
        return new InputItem(new Article(id, text)
        {
            Date = date, Url = Text("url"), Title = Text("title"), Source = Text("source"), Origin = where,
        }, null);
    }

    private static (string? Text, bool Replaced) Decode(Stream stream, Encoding encoding, long maxBytes)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[1 << 16];
        for (int n; (n = stream.Read(buffer, 0, buffer.Length)) > 0;)
        {
            if (memory.Length + n > maxBytes) return (null, false);
            memory.Write(buffer, 0, n);
        }
        var bytes = memory.GetBuffer().AsSpan(0, (int)memory.Length);
        if (encoding is UTF8Encoding)
        {
            try
            {
                return (StrictUtf8.GetString(bytes), false);
            }
            catch (DecoderFallbackException)
            {
                return (Encoding.UTF8.GetString(bytes), true);
            }
        }
        return (encoding.GetString(bytes), false);
    }

    private static Encoding DetectEncoding(ReadOnlySpan<byte> head, out int bomLength)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { bomLength = 3; return Encoding.UTF8; }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) { bomLength = 2; return Encoding.Unicode; }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { bomLength = 2; return Encoding.BigEndianUnicode; }
        bomLength = 0;
        return Encoding.UTF8;
    }

    /// <summary>NUL bytes (outside UTF-16) or many control characters mean binary data.</summary>
    private static bool IsBinary(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return false;
        int control = 0;
        foreach (byte b in head)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C)) control++;
        }
        return head.Length > 0 && control * 20 > head.Length;
    }

    private static char FirstNonSpace(ReadOnlySpan<byte> head, Encoding encoding)
    {
        foreach (char c in encoding.GetString(head))
            if (!char.IsWhiteSpace(c)) return c;
        return '\0';
    }

    private static InputItem Problem(string origin, string code, string message) => new(null, new InputProblem(origin, code, message));
    private static InputItem Warning(string origin, string code, string message) => new(null, new InputProblem(origin, code, message, IsWarning: true));

    /// <summary>A stream that first replays the bytes already read for sniffing, then the rest.</summary>
    private sealed class ConcatStream(byte[] head, int headLength, Stream rest) : Stream
    {
        private int _position;

        public void Skip(int count) => _position = Math.Min(headLength, _position + count);

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position < headLength)
            {
                int n = Math.Min(count, headLength - _position);
                Array.Copy(head, _position, buffer, offset, n);
                _position += n;
                return n;
            }
            return rest.Read(buffer, offset, count);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed record ArticleReaderOptions
{
    /// <summary>The publication date for articles whose metadata has none.</summary>
    public DateOnly? Date { get; init; }
    public long MaxArticleBytes { get; init; } = 10_000_000;
}
