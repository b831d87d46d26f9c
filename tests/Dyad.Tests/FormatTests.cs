using System.Text;
using System.Text.Json;
using Dyad.Input;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Dyad.Tests;

/// <summary>
/// News as users have it: a saved web page, a PDF, a feed and text in other encodings each yield the events
/// of the article's plain text; other languages are skipped; damaged files are reported and the batch goes on.
/// </summary>
public sealed class FormatTests
{
    private static readonly string ArticleText = File.ReadAllText(Cli.Fixture("formats/article.txt"));
    private static readonly Lazy<IReadOnlySet<string>> PlainEvents = new(() => Events(Cli.Run(null, "code", Cli.Fixture("formats/article.txt"))));

    [Fact]
    public void Saved_page_yields_the_events_of_its_plain_text()
    {
        var r = Cli.Run(null, "code", Cli.Fixture("formats/article.html"));
        Assert.Equal(0, r.ExitCode);
        Assert.NotEmpty(PlainEvents.Value);
        Assert.Equal(PlainEvents.Value, Events(r));

        var fromStdin = Cli.Run(File.ReadAllText(Cli.Fixture("formats/article.html")), "code", "-");
        Assert.Equal(PlainEvents.Value, Events(fromStdin));
    }

    [Fact]
    public void Saved_page_gives_text_without_boilerplate_and_its_metadata()
    {
        var page = HtmlReader.Read(File.ReadAllText(Cli.Fixture("formats/article.html")));
        Assert.Equal("Japan condemns missile launch; talks in Moscow", page.Title);
        Assert.Contains("Ana Example", page.Byline);
        Assert.Equal(new DateOnly(2024, 5, 14), page.Date);
        Assert.Equal("https://news.example.org/world/2024/05/14/japan-condemns-launch", page.Url);
        Assert.StartsWith("TOKYO, May 14 (Dyad Wire) - Japan condemned", page.Text);
        foreach (var boilerplate in new[] { "Politics", "Subscribe", "Advertisement", "Most read", "horoscope", "All rights reserved", "Privacy" })
            Assert.DoesNotContain(boilerplate, page.Text);
    }

    [Theory]
    [InlineData("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"datePublished\":\"2023-03-09T08:00:00+09:00\"}</script>")]
    [InlineData("<meta property=\"article:published_time\" content=\"2023-03-09T08:00:00Z\">")]
    public void Publication_date_comes_from_the_page_metadata(string meta)
    {
        var page = HtmlReader.Read(Page(meta, ArticleParagraphs()));
        Assert.Equal(new DateOnly(2023, 3, 9), page.Date);
    }

    [Fact]
    public void Page_date_is_used_and_date_option_is_the_fallback()
    {
        var dated = new ArticleReader(new ArticleReaderOptions { Date = new DateOnly(2020, 1, 1) })
            .Read([Cli.Fixture("formats/article.html")]).Single().Article!;
        Assert.Equal(new DateOnly(2024, 5, 14), dated.Date);
        using var undated = new TempFile(".html", Encoding.UTF8.GetBytes(Page("", ArticleParagraphs())));
        var article = new ArticleReader(new ArticleReaderOptions { Date = new DateOnly(2020, 1, 1) }).Read([undated.Path]).Single().Article!;
        Assert.Equal(new DateOnly(2020, 1, 1), article.Date);
    }

    [Fact]
    public void Page_without_an_article_is_reported()
    {
        string login = Page("", "<form><label>Email <input name=email></label><label>Password <input type=password></label>"
            + "<button>Sign in</button></form><nav><a href=/>Home</a> <a href=/help>Help</a></nav>");
        using var file = new TempFile(".html", Encoding.UTF8.GetBytes(login));
        var r = Cli.Run(null, "code", file.Path, Cli.Fixture("formats/article.txt"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"error DYAD015: {file.Path}", r.Stderr);
        Assert.Contains("coded 1 article(s)", r.Stderr);
    }

    [Fact]
    public void Pdf_in_two_columns_yields_the_events_of_its_plain_text()
    {
        using var file = new TempFile(".pdf", TwoColumnPdf(ArticleText));
        var r = Cli.Run(null, "code", file.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(PlainEvents.Value, Events(r));
    }

    [Fact]
    public void Pdf_text_keeps_reading_order_and_drops_headers_footers_and_page_numbers()
    {
        string text = PdfReader.Read(TwoColumnPdf(ArticleText));
        Assert.DoesNotContain("Dyad Gazette", text);
        Assert.DoesNotContain("Page ", text);
        string[] openings = ["TOKYO, May 14", "Officials from China", "The United States imposed", "In a separate", "Germany pledged"];
        var positions = openings.Select(o => text.IndexOf(o, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Truncated_and_encrypted_pdfs_are_reported_and_the_batch_goes_on()
    {
        var pdf = TwoColumnPdf(ArticleText);
        using var truncated = new TempFile(".pdf", pdf[..(pdf.Length / 3)]);
        using var encrypted = new TempFile(".pdf", Encrypted(pdf));
        var r = Cli.Run(null, "code", truncated.Path, encrypted.Path, Cli.Fixture("formats/article.txt"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"error DYAD013: {truncated.Path}", r.Stderr);
        Assert.Contains($"error DYAD014: {encrypted.Path}", r.Stderr);
        Assert.Contains("coded 1 article(s)", r.Stderr);
    }

    [Fact]
    public void Pdf_without_text_is_reported()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).DrawRectangle(new PdfPoint(50, 50), 400, 600);
        using var scanned = new TempFile(".pdf", builder.Build());
        var r = Cli.Run(null, "code", scanned.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"error DYAD015: {scanned.Path}: the PDF has no text", r.Stderr);
    }

    [Fact]
    public void Folder_of_mixed_formats_is_read_by_content()
    {
        var folder = Directory.CreateTempSubdirectory("dyad-mixed");
        try
        {
            File.Copy(Cli.Fixture("formats/article.html"), Path.Combine(folder.FullName, "page.saved"));
            File.Copy(Cli.Fixture("formats/feed.atom"), Path.Combine(folder.FullName, "feed"));
            File.Copy(Cli.Fixture("formats/french.txt"), Path.Combine(folder.FullName, "french.txt"));
            File.WriteAllBytes(Path.Combine(folder.FullName, "report"), TwoColumnPdf(ArticleText));
            var r = Cli.Run(null, "code", folder.FullName);
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("coded 4 article(s)", r.Stderr);
            Assert.Contains("1 skipped, 0 error(s)", r.Stderr);
            Assert.Equal(PlainEvents.Value, Events(r, "page"));
            Assert.Equal(PlainEvents.Value, Events(r, "report"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("feed.rss")]
    [InlineData("feed.atom")]
    public void Feed_codes_each_item(string name)
    {
        var r = Cli.Run(null, "code", Cli.Fixture("formats/" + name));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("coded 2 article(s)", r.Stderr);
        Assert.Equal(PlainEvents.Value, Events(r, "feed-1"));
        Assert.Contains("SUPPORT", Events(r, "feed-2").Single());
    }

    [Fact]
    public void Feed_items_carry_link_date_and_title()
    {
        var entries = FeedParser.Parse(File.ReadAllText(Cli.Fixture("formats/feed.rss")));
        Assert.Equal(2, entries.Count);
        Assert.Equal("https://news.example.org/world/2024/05/14/japan-condemns-launch", entries[0].Link);
        Assert.Equal(new DateOnly(2024, 5, 14), entries[0].Date);
        Assert.Equal("gazette-2024-0514-001", entries[0].Id);
        Assert.Equal("Japan condemns missile launch; talks in Moscow", entries[0].Title);
        Assert.StartsWith("TOKYO, May 14", entries[0].Text);
        Assert.StartsWith("Brazil and Argentina sign a trade accord\n\nBrazil and Argentina signed", entries[1].Text);
    }

    [Fact]
    public void Malformed_feed_is_reported_and_the_batch_goes_on()
    {
        using var file = new TempFile(".rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Japan condemns"u8.ToArray());
        var r = Cli.Run(null, "code", file.Path, Cli.Fixture("formats/article.txt"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"error DYAD016: {file.Path}", r.Stderr);
        Assert.Contains("coded 1 article(s)", r.Stderr);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><urlset><url><loc>https://news.example.org/</loc></url></urlset>")]
    [InlineData("<rss version=\"2.0\"><channel><item><title>Talks</title></channel></rss>")]
    [InlineData("<rss version=\"2.0\"></rss>")]
    public void Xml_that_is_not_a_feed_is_a_malformed_feed(string xml) =>
        Assert.Equal("DYAD016", Assert.Throws<Dyad.Pipeline.DyadException>(() => FeedParser.Parse(xml)).Code);

    [Fact]
    public void Articles_in_french_and_spanish_are_skipped_for_their_language()
    {
        var r = Cli.Run(null, "code", Cli.Fixture("formats/french.txt"), Cli.Fixture("formats/spanish.txt"), Cli.Fixture("formats/article.txt"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"skipped DYAD017: {Cli.Fixture("formats/french.txt")}: the article is in French", r.Stderr);
        Assert.Contains($"skipped DYAD017: {Cli.Fixture("formats/spanish.txt")}: the article is in Spanish", r.Stderr);
        Assert.Contains("coded 1 article(s)", r.Stderr);
        Assert.Contains("2 skipped, 0 error(s)", r.Stderr);
        Assert.DoesNotContain("\"doc_id\":\"french\"", r.Stdout);
    }

    [Fact]
    public void English_is_known_by_its_function_words_without_a_model()
    {
        Assert.True(LanguageFilter.LooksEnglish(ArticleText));
        Assert.False(LanguageFilter.LooksEnglish(File.ReadAllText(Cli.Fixture("formats/french.txt"))));
        Assert.False(LanguageFilter.LooksEnglish(File.ReadAllText(Cli.Fixture("formats/spanish.txt"))));
        Assert.Null(new LanguageFilter().OtherLanguage("Japan condemned North Korea's missile launch on Friday."));
    }

    [Fact]
    public void Windows_1252_and_utf16_are_decoded()
    {
        byte[] cp1252 = [.. "Talks in Gen"u8, 0xE8, .. "ve ended "u8, 0x93, .. "without a deal"u8, 0x94, .. " "u8, 0x96, .. " officials"u8];
        Assert.Equal("Talks in Genève ended “without a deal” – officials", TextDecoder.Decode(cp1252).Text);
        Assert.False(TextDecoder.Decode(cp1252).Damaged);
        string text = "Talks in Genève ended “without a deal”.";
        Assert.Equal(text, TextDecoder.Decode(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray()).Text);
        Assert.Equal(text, TextDecoder.Decode(Encoding.Unicode.GetBytes(text)).Text);
        Assert.Equal(text, TextDecoder.Decode(Encoding.BigEndianUnicode.GetBytes(text)).Text);
        Assert.Equal(text, TextDecoder.Decode(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray()).Text);
    }

    [Fact]
    public void Page_charset_is_used_when_the_bytes_are_not_utf8()
    {
        const string russian = "Министерство иностранных дел России заявило во вторник, что переговоры с Японией о мирном договоре "
            + "продолжатся в Москве на следующей неделе, несмотря на разногласия по поводу островов.";
        var cp1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
        using var page = new TempFile(".html", cp1251.GetBytes(Page("<meta charset=\"windows-1251\">", $"<p>{russian}</p><p>{russian}</p>")));
        var item = new ArticleReader(new ArticleReaderOptions()).Read([page.Path]).Single();
        Assert.Equal("DYAD017", item.Problem!.Code);
        Assert.Contains("Russian", item.Problem.Message);

        byte[] latin1 = [.. "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body>"u8,
            0x93, .. "Talks"u8, 0x94, .. " in Gen"u8, 0xE8, .. "ve</body></html>"u8];
        Assert.Contains("“Talks” in Genève", TextDecoder.Decode(latin1).Text);
    }

    [Fact]
    public void Windows_1252_and_utf16_files_yield_the_events_of_their_text()
    {
        var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        using var latin = new TempFile(".txt", cp1252.GetBytes(ArticleText.Replace('\'', '\u2019')));
        using var utf16 = new TempFile(".txt", Encoding.Unicode.GetBytes(ArticleText));
        var r = Cli.Run(null, "code", latin.Path, utf16.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("DYAD004", r.Stderr);
        Assert.Equal(PlainEvents.Value, Events(r, Path.GetFileNameWithoutExtension(latin.Path)));
        Assert.Equal(PlainEvents.Value, Events(r, Path.GetFileNameWithoutExtension(utf16.Path)));
    }

    [Theory]
    [InlineData("", "%PDF-1.7\n%âãÏÓ\n1 0 obj", InputFormat.Pdf)]
    [InlineData("", "<!-- saved -->\n<!DOCTYPE html><html><head>", InputFormat.Html)]
    [InlineData(".txt", "<html lang=en><body><p>Hello</p>", InputFormat.Html)]
    [InlineData("", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>", InputFormat.Feed)]
    [InlineData(".xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">", InputFormat.Feed)]
    [InlineData("", "{\"id\": \"a1\", \"text\": \"Japan condemned the launch.\"}\n", InputFormat.JsonLines)]
    [InlineData("", "Japan condemned the launch on Friday.", InputFormat.Text)]
    [InlineData(".html", "Japan condemned the launch on Friday.", InputFormat.Html)]
    [InlineData(".pdf", "garbage that lost its signature", InputFormat.Pdf)]
    public void Format_comes_from_the_content_then_the_extension(string extension, string head, InputFormat format) =>
        Assert.Equal(format, FormatSniffer.Detect(extension, Encoding.UTF8.GetBytes(head)));

    /// <summary>The (event, actors, recipients) triples of `dyad code` output, optionally of one document.</summary>
    private static HashSet<string> Events(Cli.Result r, string? docId = null)
    {
        var events = new HashSet<string>();
        foreach (var line in r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var e = JsonDocument.Parse(line).RootElement;
            if (docId is not null && e.GetProperty("doc_id").GetString() != docId) continue;
            string Codes(string name) => string.Join(" + ", e.GetProperty(name).EnumerateArray()
                .Select(a => $"{a.GetProperty("code").GetString()} {a.GetProperty("sector").GetString()}".Trim()).Order(StringComparer.Ordinal));
            events.Add($"{e.GetProperty("event").GetString()}: {Codes("actor")} -> {Codes("recipient")}");
        }
        return events;
    }

    private static string ArticleParagraphs() =>
        string.Concat(ArticleText.Split("\n\n").Select(p => $"<p>{p.Trim()}</p>\n"));

    private static string Page(string head, string body) =>
        $"<!DOCTYPE html><html><head><title>A page</title>{head}</head><body><main><article>{body}</article></main></body></html>";

    /// <summary>
    /// The text laid out as a newspaper page: two columns of lines broken by width (long words hyphenated),
    /// a running header and a "Page N" footer on every page, as many pages as it takes.
    /// </summary>
    private static byte[] TwoColumnPdf(string text)
    {
        const double width = 595, height = 260, margin = 50, gutter = 24, size = 10, leading = 13;
        double top = height - 60, bottom = 50, columnWidth = (width - 2 * margin - gutter) / 2;
        int perLine = (int)(columnWidth / (0.55 * size));
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        PdfPageBuilder? page = null;
        int column = 1, pages = 0;
        double y = bottom - 1;
        foreach (var line in Lines(text, perLine))
        {
            if (y < bottom)
            {
                if (page is null || column == 2)
                {
                    page = builder.AddPage(width, height);
                    pages++;
                    page.AddText("The Dyad Gazette - World news digest", 8, new PdfPoint(margin, height - 30), font);
                    page.AddText($"Page {pages}", 8, new PdfPoint(width / 2 - 15, 25), font);
                    column = 1;
                }
                else
                {
                    column = 2;
                }
                y = top;
            }
            if (line.Length > 0) page!.AddText(line, size, new PdfPoint(margin + (column - 1) * (columnWidth + gutter), y), font);
            y -= leading;
        }
        return builder.Build();
    }

    /// <summary>Lines of at most perLine characters, an empty line between paragraphs.</summary>
    private static IEnumerable<string> Lines(string text, int perLine)
    {
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int room = perLine - line.Length - (line.Length > 0 ? 1 : 0);
                if (word.Length > room && room >= 5 && word.Length >= 9 && word.All(char.IsLower))
                {
                    int cut = Math.Min(room - 1, word.Length - 4);
                    yield return line.Append(line.Length > 0 ? " " : "").Append(word[..cut]).Append('-').ToString();
                    line.Clear().Append(word[cut..]);
                    continue;
                }
                if (word.Length > room)
                {
                    yield return line.ToString();
                    line.Clear();
                }
                line.Append(line.Length > 0 ? " " : "").Append(word);
            }
            yield return line.ToString();
            yield return "";
        }
    }

    /// <summary>The PDF with an encryption dictionary whose password check fails for an empty password.</summary>
    private static byte[] Encrypted(byte[] pdf)
    {
        string latin = Encoding.Latin1.GetString(pdf);
        int trailer = latin.LastIndexOf("trailer", StringComparison.Ordinal);
        int open = latin.IndexOf("<<", trailer, StringComparison.Ordinal) + 2;
        string key = new('A', 64);
        string encrypt = $" /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <{key}> /U <{key}> >> /ID [<{key[..32]}> <{key[..32]}>]";
        return Encoding.Latin1.GetBytes(latin[..open] + encrypt + latin[open..]);
    }
}
