using System.Net;
using Dyad.Feeds;
using Dyad.Store;
using Dyad.Tests.Store;

namespace Dyad.Tests.Feeds;

/// <summary>`dyad watch` against a local server: new items stored, seen ones skipped, every failure survived.</summary>
public sealed class FeedWatcherTests
{
    private static readonly WatchOptions Fast = new()
    {
        Timeout = TimeSpan.FromSeconds(1), Attempts = 2, Backoff = TimeSpan.FromMilliseconds(10), PerHostDelay = TimeSpan.Zero,
    };

    internal const string Talks = "Japan and India held talks in Tokyo on Friday and agreed to expand naval cooperation in the Indian Ocean, "
        + "the Japanese foreign ministry said. The two defence ministers also discussed joint exercises planned for next year.";

    internal const string Protest = "Thousands of students protested in Nairobi on Thursday against a proposed tax increase, and police "
        + "arrested 30 demonstrators near parliament, the interior ministry said. Opposition leaders urged the government to withdraw the bill.";

    private const string French = "Le gouvernement français a annoncé jeudi de nouvelles mesures pour soutenir les agriculteurs touchés par "
        + "la sécheresse, a indiqué le ministère de l'agriculture dans un communiqué publié à Paris.";

    [Fact]
    public async Task New_items_are_stored_and_seen_ones_skipped_on_the_next_poll()
    {
        using var server = new TestFeedServer();
        using var db = TestStore.Create("sqlite");
        server.Set("/a", Page("Talks in Tokyo", Talks));
        server.Set("/b", Page("Protest in Nairobi", Protest));
        server.Set("/feed", Rss(server, ("a", "Talks in Tokyo"), ("b", "Protest in Nairobi")));
        using var watcher = Watcher(db, out var log);

        var first = await watcher.PollAsync($"{server.BaseUrl}/feed", CancellationToken.None);
        server.Set("/c", Page("Talks again", Talks.Replace("Friday", "Monday", StringComparison.Ordinal)));
        server.Set("/feed", Rss(server, ("a", "Talks in Tokyo"), ("b", "Protest in Nairobi"), ("c", "Talks again")));
        var second = await watcher.PollAsync($"{server.BaseUrl}/feed", CancellationToken.None);

        Assert.Equal((2, 0), (first.Stored, first.Seen));
        Assert.Equal((1, 2), (second.Stored, second.Seen));
        Assert.Equal(3, db.Store.Counts().Documents);
        Assert.Contains(db.Store.Query(new EventQuery { Type = "CONSULT" }), e => e.Url == $"{server.BaseUrl}/a");
        Assert.Contains(log, l => l.StartsWith($"new  {server.BaseUrl}/c", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unchanged_feed_answers_not_modified()
    {
        using var server = new TestFeedServer();
        using var db = TestStore.Create("sqlite");
        server.Set("/a", Page("Talks in Tokyo", Talks));
        server.Set("/feed", Rss(server, ("a", "Talks in Tokyo")) with { ETag = "\"v1\"" });
        using var watcher = Watcher(db, out _);

        await watcher.PollAsync($"{server.BaseUrl}/feed", CancellationToken.None);
        var again = await watcher.PollAsync($"{server.BaseUrl}/feed", CancellationToken.None);

        Assert.True(again.NotModified);
    }

    [Fact]
    public async Task Failing_feeds_are_reported_and_the_next_poll_recovers()
    {
        using var server = new TestFeedServer();
        using var db = TestStore.Create("sqlite");
        server.Set("/a", Page("Talks in Tokyo", Talks));
        server.Set("/broken", new TestFeedServer.Response(500, "oops", "text/plain"));
        server.Set("/slow", Rss(server, ("a", "Talks in Tokyo")) with { Delay = TimeSpan.FromSeconds(3) });
        server.Set("/malformed", new TestFeedServer.Response(200, "<rss><channel><item><title>cut", "application/rss+xml"));
        using var watcher = Watcher(db, out var log);

        var broken = await watcher.PollAsync($"{server.BaseUrl}/broken", CancellationToken.None);
        var slow = await watcher.PollAsync($"{server.BaseUrl}/slow", CancellationToken.None);
        var malformed = await watcher.PollAsync($"{server.BaseUrl}/malformed", CancellationToken.None);
        var missing = await watcher.PollAsync($"{server.BaseUrl}/no-such-feed", CancellationToken.None);

        Assert.Contains("HTTP 500", broken.Error);
        Assert.Contains("no response within", slow.Error);
        Assert.Contains("DYAD016", malformed.Error);
        Assert.Contains("HTTP 404", missing.Error);
        Assert.Equal(0, db.Store.Counts().Documents);

        server.Set("/broken", Rss(server, ("a", "Talks in Tokyo")));
        var recovered = await watcher.PollAsync($"{server.BaseUrl}/broken", CancellationToken.None);
        Assert.Equal(1, recovered.Stored);
        Assert.Contains(log, l => l.Contains("HTTP 500", StringComparison.Ordinal) && l.Contains("next poll", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gone_page_is_coded_from_the_feed_a_failing_one_waits_and_another_language_is_skipped()
    {
        using var server = new TestFeedServer();
        using var db = TestStore.Create("sqlite");
        server.Set("/down", new TestFeedServer.Response(503, "busy", "text/plain"));
        server.Set("/fr", Page("Agriculture", French));
        server.Set("/feed", Rss(server, ("gone", Protest), ("down", "Talks in Tokyo"), ("fr", "Agriculture")));
        using var watcher = Watcher(db, out var log);

        var first = await watcher.PollAsync($"{server.BaseUrl}/feed", CancellationToken.None);

        Assert.Equal((1, 1, 1), (first.Stored, first.Failed, first.Skipped));
        Assert.Contains(db.Store.Query(new EventQuery()), e => e.Url == $"{server.BaseUrl}/gone");
        Assert.Contains(log, l => l.Contains("in French", StringComparison.Ordinal));

        server.Set("/down", Page("Talks in Tokyo", Talks));
        var second = await watcher.PollAsync($"{server.BaseUrl}/feed", CancellationToken.None);
        Assert.Equal((1, 2), (second.Stored, second.Seen));
    }

    [Fact]
    public void Durations_read_seconds_minutes_and_hours()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), WatchOptions.ParseDuration("15m", "--every"));
        Assert.Equal(TimeSpan.FromSeconds(30), WatchOptions.ParseDuration("30", "--every"));
        Assert.Throws<Pipeline.DyadException>(() => WatchOptions.ParseDuration("soon", "--every"));
    }

    private static FeedWatcher Watcher(TestStore db, out List<string> log)
    {
        var lines = new List<string>();
        log = lines;
        return new FeedWatcher(new Ingestor(Shared.Engine, db.Store, new IngestOptions()), db.Store, Fast, line =>
        {
            lock (lines) lines.Add(line);
        });
    }

    internal static TestFeedServer.Response Page(string title, string text) => new(200, $"""
        <!doctype html><html><head><title>{WebUtility.HtmlEncode(title)}</title>
        <meta property="article:published_time" content="2024-11-02T09:00:00Z"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
        <article><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p>
        <p>{WebUtility.HtmlEncode(text)}</p></article><footer>Copyright Example News</footer></body></html>
        """);

    /// <summary>An RSS feed whose items link to pages of the server; the description is the item's own text.</summary>
    internal static TestFeedServer.Response Rss(TestFeedServer server, params (string Path, string Description)[] items) => new(200, $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Example News</title><link>{server.BaseUrl}/</link><description>World news</description>
        {string.Concat(items.Select(i => $"<item><title>Item {i.Path}</title><link>{server.BaseUrl}/{i.Path}</link><description>{WebUtility.HtmlEncode(i.Description)}</description><pubDate>Sat, 02 Nov 2024 09:00:00 GMT</pubDate></item>"))}
        </channel></rss>
        """, "application/rss+xml");
}
