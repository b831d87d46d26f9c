using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Input;

/// <summary>
/// Reads articles from text files, saved web pages, PDFs, RSS/Atom feeds, JSON Lines files, folders (recursively)
/// and standard input, telling the format and encoding from the bytes. Articles not in English are skipped.
/// Every problem is reported with its origin and a stable code, and reading goes on with the next article.
/// </summary>
public sealed class ArticleReader(ArticleReaderOptions options)
{
    private readonly LanguageFilter _languages = new();

    public IEnumerable<InputItem> Read(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                foreach (var item in ReadStream(Console.OpenStandardInput(), "stdin", "stdin", "")) yield return Checked(item);
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0)
                    yield return Problem(path, ErrorCodes.EmptyFolder, "the folder holds no files");
                foreach (var file in files)
                    foreach (var item in ReadFile(file)) yield return Checked(item);
            }
            else if (File.Exists(path))
            {
                foreach (var item in ReadFile(path)) yield return Checked(item);
            }
            else
            {
                yield return Problem(path, ErrorCodes.MissingInput, "no such file or folder");
            }
        }
    }

    /// <summary>An article in another language becomes a skip.</summary>
    private InputItem Checked(InputItem item)
    {
        if (item.Article is not { } article || _languages.OtherLanguage(article.Text) is not { } language) return item;
        return new(null, new InputProblem(article.Origin, ErrorCodes.NotEnglish, $"the article is in {language}; only English is coded", Severity.Skipped));
    }

    private IEnumerable<InputItem> ReadFile(string file)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [Problem(file, ErrorCodes.UnreadableInput, $"cannot read the file ({e.Message})")];
        }
        return ReadStream(stream, file, Path.GetFileNameWithoutExtension(file), Path.GetExtension(file));
    }

    private IEnumerable<InputItem> ReadStream(Stream stream, string origin, string id, string extension)
    {
        using (stream)
        {
            var buffered = new BufferedStream(stream, 1 << 16);
            var head = new byte[8192];
            int headLength = buffered.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var format = FormatSniffer.Detect(extension, head.AsSpan(0, headLength));
            var all = new ConcatStream(head, headLength, buffered);
            if (format == InputFormat.JsonLines)
            {
                var (encoding, bom) = TextDecoder.Detect(head.AsSpan(0, headLength));
                all.Skip(bom);
                foreach (var item in ReadJsonLines(all, encoding, origin)) yield return item;
                yield break;
            }
            if (format == InputFormat.Binary)
            {
                yield return Problem(origin, ErrorCodes.BinaryInput, "the file looks binary (not text); skipped");
                yield break;
            }
            var bytes = ReadAll(all, options.MaxArticleBytes);
            if (bytes is null)
            {
                yield return Problem(origin, ErrorCodes.TooLarge, $"the input is above the {options.MaxArticleBytes / 1_000_000.0:0.#} MB article limit (--max-size)");
                yield break;
            }
            foreach (var item in ReadDocument(format, bytes, origin, id)) yield return item;
        }
    }

    private IEnumerable<InputItem> ReadDocument(InputFormat format, byte[] bytes, string origin, string id)
    {
        if (format == InputFormat.Pdf)
        {
            yield return Guarded(origin, () => PdfReader.Read(bytes) is { Length: > 0 } text
                ? Item(new Article(id, text) { Date = options.Date, Origin = origin })
                : Problem(origin, ErrorCodes.NoArticle, "the PDF has no text (a scanned image?); skipped"));
            yield break;
        }
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Damaged) yield return Warning(origin, ErrorCodes.InvalidEncoding, "damaged UTF-8; bad bytes were replaced with U+FFFD");
        switch (format)
        {
            case InputFormat.Html:
                yield return Guarded(origin, () =>
                {
                    var page = HtmlReader.Read(decoded.Text);
                    return Item(new Article(id, page.Text)
                    {
                        Date = page.Date ?? options.Date, Url = page.Url, Title = page.Title, Byline = page.Byline, Origin = origin,
                    });
                });
                break;
            case InputFormat.Feed:
                foreach (var item in ReadFeed(decoded.Text, origin, id)) yield return item;
                break;
            default:
                yield return string.IsNullOrWhiteSpace(decoded.Text)
                    ? Problem(origin, ErrorCodes.EmptyArticle, "the article is empty")
                    : Item(new Article(id, decoded.Text) { Date = options.Date, Origin = origin });
                break;
        }
    }

    private IEnumerable<InputItem> ReadFeed(string xml, string origin, string id)
    {
        IReadOnlyList<FeedEntry> entries;
        try
        {
            entries = FeedParser.Parse(xml);
        }
        catch (DyadException e)
        {
            return [Problem(origin, e.Code, e.Detail)];
        }
        if (entries.Count == 0) return [Problem(origin, ErrorCodes.EmptyArticle, "the feed has no items")];
        return entries.Select((entry, i) =>
        {
            string where = $"{origin}#{i + 1}";
            return entry.Text.Length == 0
                ? Problem(where, ErrorCodes.EmptyArticle, "the feed item has no title or text")
                : Item(new Article($"{id}-{i + 1}", entry.Text) { Date = entry.Date ?? options.Date, Url = entry.Link, Title = entry.Title, Origin = where });
        });
    }

    /// <summary>Runs a format reader, turning its coded failure into a problem.</summary>
    private static InputItem Guarded(string origin, Func<InputItem> read)
    {
        try
        {
            return read();
        }
        catch (DyadException e)
        {
            return Problem(origin, e.Code, e.Detail);
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

    /// <summary>All the bytes, or null when there are more than the limit.</summary>
    private static byte[]? ReadAll(Stream stream, long maxBytes)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[1 << 16];
        for (int n; (n = stream.Read(buffer, 0, buffer.Length)) > 0;)
        {
            if (memory.Length + n > maxBytes) return null;
            memory.Write(buffer, 0, n);
        }
        return memory.ToArray();
    }

    private static InputItem Item(Article article) => new(article, null);
    private static InputItem Problem(string origin, string code, string message) => new(null, new InputProblem(origin, code, message));
    private static InputItem Warning(string origin, string code, string message) => new(null, new InputProblem(origin, code, message, Severity.Warning));

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
