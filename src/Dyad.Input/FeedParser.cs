using Dyad.Pipeline;
using Feeds = CodeHollow.FeedReader;

namespace Dyad.Input;

/// <summary>
/// One item of a feed, as plain text. With full content, the text is the content and the title stays metadata,
/// as for a web page (so a dateline still opens the text); with only a description (a teaser), the title
/// carries the news and opens the text.
/// </summary>
public sealed record FeedEntry(string? Id, string? Title, string Text, string? Link, DateOnly? Date);

/// <summary>
/// Parses an RSS or Atom document (CodeHollow.FeedReader) given as a string, into its items in feed order.
/// It fetches nothing, so `dyad code` reads feed files with it and a poller can reuse it on what it downloads.
/// </summary>
public static class FeedParser
{
    public static IReadOnlyList<FeedEntry> Parse(string xml)
    {
        Feeds.Feed feed;
        try
        {
            feed = Feeds.FeedReader.ReadFromString(xml);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Bad XML is an XmlException, but the library also fails with other types: a NullReferenceException
            // for an <rss> without a <channel>, a FeedTypeNotSupportedException for XML that is no feed.
            throw new DyadException(ErrorCodes.MalformedFeed, $"not a readable RSS or Atom feed ({e.Message})");
        }
        return [.. feed.Items.Select(Entry)];
    }

    private static FeedEntry Entry(Feeds.FeedItem item)
    {
        string? title = Blank(item.Title) is { } t ? PlainText.FromHtml(t) : null;
        string text = Blank(item.Content) is { } content
            ? PlainText.FromHtml(content)
            : string.Join("\n\n", new[] { title, PlainText.FromHtml(item.Description ?? "") }.Where(s => !string.IsNullOrEmpty(s)));
        return new FeedEntry(Blank(item.Id), title, text, Blank(item.Link),
            item.PublishingDate is { } d ? DateOnly.FromDateTime(d) : null);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
