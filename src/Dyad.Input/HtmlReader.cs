using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dyad.Pipeline;

namespace Dyad.Input;

/// <summary>The article found in a web page, with what its metadata tells.</summary>
public sealed record WebArticle(string Text, string? Title, string? Byline, DateOnly? Date, string? Url);

/// <summary>
/// Finds the article in a saved web page (SmartReader, a port of Mozilla's Readability): its text without
/// navigation, ads and footers, its title, byline, publication date and canonical URL. SmartReader gets the
/// document already parsed from the string given, so it never fetches anything.
/// </summary>
public static class HtmlReader
{
    /// <summary>Fewer characters than this is a page without an article (an index, a login page, an error).</summary>
    private const int MinArticleChars = 200;

    /// <summary>Meta tags that state the publication date, most specific first.</summary>
    private const string DateMetas = "meta[property='article:published_time'], meta[name='article:published_time'], "
        + "meta[itemprop=datePublished], meta[name=pubdate], meta[name='dc.date.issued'], meta[name='DC.date.issued'], meta[name=date]";

    /// <summary>Site furniture and ads that Readability can leave inside an article.</summary>
    private const string Furniture = "nav, aside, form, [role=navigation], [role=complementary], .ad, .ads, .advert, .advertisement, .sponsored";

    /// <param name="url">Where the page came from, for pages that name no canonical URL.</param>
    public static WebArticle Read(string html, string? url = null)
    {
        var document = new HtmlParser().ParseDocument(html);
        string? canonical = Canonical(document) ?? url;
        var date = PublicationDate(document);
        foreach (var element in document.QuerySelectorAll(Furniture)) element.Remove();
        var uri = canonical is not null && Uri.TryCreate(canonical, UriKind.Absolute, out var u) ? u : new Uri("https://localhost/");
        var article = new SmartReader.Reader(uri.ToString(), document).GetArticle();
        string text = article.IsReadable ? PlainText.Tidy(article.TextContent) : "";
        if (text.Length < MinArticleChars)
            throw new DyadException(ErrorCodes.NoArticle, "no article text found in the page (not a news page?); skipped");
        return new WebArticle(
            text,
            Blank(article.Title),
            Blank(article.Byline) ?? Blank(article.Author),
            date ?? (article.PublicationDate is { } d ? DateOnly.FromDateTime(d) : null),
            canonical);
    }

    private static string? Canonical(IHtmlDocument document) =>
        Blank(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"))
        ?? Blank(document.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));

    /// <summary>
    /// The date the page states it was published, as the publisher wrote it (its own time zone): meta tags,
    /// then JSON-LD "datePublished".
    /// </summary>
    private static DateOnly? PublicationDate(IHtmlDocument document)
    {
        var metas = document.QuerySelectorAll(DateMetas).Select(m => m.GetAttribute("content"));
        var jsonLd = document.QuerySelectorAll("script[type='application/ld+json']").SelectMany(s => JsonLdDates(s.TextContent));
        foreach (var value in metas.Concat(jsonLd))
        {
            if (value is null) continue;
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
                return DateOnly.FromDateTime(d.DateTime);
        }
        return null;
    }

    private static IEnumerable<string> JsonLdDates(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            yield break;
        }
        var pending = new Stack<JsonNode?>([root]);
        while (pending.TryPop(out var node))
        {
            if (node is JsonArray array) foreach (var item in array) pending.Push(item);
            else if (node is JsonObject obj)
            {
                if (obj["datePublished"] is JsonValue v && v.TryGetValue(out string? date)) yield return date;
                foreach (var (_, child) in obj) pending.Push(child);
            }
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
