using System.Net;
using Dyad.Documents;
using Dyad.Input;
using Dyad.Pipeline;
using Dyad.Store;

namespace Dyad.Feeds;

/// <summary>
/// Polls RSS/Atom feeds and ingests each new item's page. An item is new when its URL is not a stored document.
/// A page that is gone (4xx) is coded from the feed's own text; one that fails for now (timeout, 5xx) is left
/// for the next poll. Non-English items are skipped and remembered. Every item gets one log line.
/// </summary>
public sealed class FeedWatcher(Ingestor ingestor, EventStore store, WatchOptions options, Action<string> log, HttpMessageHandler? handler = null)
    : IDisposable
{
    private readonly HttpFetcher _http = new(options, handler);
    private readonly LanguageFilter _languages = new();
    private readonly HashSet<string> _skipped = new(StringComparer.Ordinal);

    /// <summary>Polls every feed, waits, and again, until cancelled. A failing feed is logged and tried at the next round.</summary>
    public async Task RunAsync(IReadOnlyList<string> feeds, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            foreach (var feed in feeds) await PollAsync(feed, ct);
            try
            {
                await Task.Delay(options.Every, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<PollResult> PollAsync(string feedUrl, CancellationToken ct)
    {
        var fetched = await _http.GetAsync(feedUrl, conditional: true, ct);
        if (fetched.NotModified)
        {
            log($"feed {feedUrl}: not modified");
            return new PollResult(feedUrl, true, 0, 0, 0, 0, 0, 0, null);
        }
        if (!fetched.Ok) return Failed(feedUrl, $"cannot fetch the feed: {fetched.Error}");
        IReadOnlyList<FeedEntry> entries;
        try
        {
            entries = FeedParser.Parse(TextDecoder.Decode(fetched.Body).Text);
        }
        catch (DyadException e)
        {
            return Failed(feedUrl, e.Message);
        }

        var keyed = entries.Where(e => (e.Link ?? e.Id) is not null).ToList();
        var known = store.KnownKeys([.. keyed.Select(Key)]);
        int seen = 0, skipped = 0, failed = 0;
        var articles = new List<Article>();
        foreach (var entry in keyed)
        {
            string key = Key(entry);
            if (known.Contains(key) || _skipped.Contains(key))
            {
                seen++;
                continue;
            }
            var article = await ReadItemAsync(entry, key, ct);
            if (article is null)
            {
                failed++;
                continue;
            }
            if (_languages.OtherLanguage(article.Text) is { } language)
            {
                log($"skip {key}: {ErrorCodes.NotEnglish} the article is in {language}");
                _skipped.Add(key);
                skipped++;
                continue;
            }
            articles.Add(article);
        }
        int events = 0;
        foreach (var article in articles)
        {
            var result = ingestor.Store([article]);
            events += result.Events;
            log($"new  {article.Url}: {result.Events} event(s)");
        }
        log($"feed {feedUrl}: {entries.Count} item(s), {articles.Count} new, {seen} seen, {skipped} skipped, {failed} failed");
        return new PollResult(feedUrl, false, entries.Count, articles.Count, seen, skipped, failed, events, null);
    }

    /// <summary>The item's page as an article; its feed text when the page is gone; null when it should be tried again.</summary>
    private async Task<Article?> ReadItemAsync(FeedEntry entry, string key, CancellationToken ct)
    {
        string source = Uri.TryCreate(key, UriKind.Absolute, out var uri) ? uri.Host : "feed";
        Article FromFeed() => new(key, entry.Text) { Url = key, Title = entry.Title, Date = entry.Date, Source = source, Origin = key };
        if (entry.Link is null) return entry.Text.Length > 0 ? FromFeed() : null;

        var page = await _http.GetAsync(entry.Link, conditional: false, ct);
        if (page.Ok)
        {
            try
            {
                var web = HtmlReader.Read(TextDecoder.Decode(page.Body).Text, entry.Link);
                return new Article(key, web.Text) { Url = key, Title = web.Title ?? entry.Title, Date = web.Date ?? entry.Date, Source = source, Origin = key };
            }
            catch (DyadException e)
            {
                log($"page {key}: {e.Message}; the feed's text is coded instead");
                return entry.Text.Length > 0 ? FromFeed() : null;
            }
        }
        if (page.Permanent && page.Status is not HttpStatusCode.TooManyRequests)
        {
            log($"page {key}: {page.Error}; the feed's text is coded instead");
            return entry.Text.Length > 0 ? FromFeed() : null;
        }
        log($"fail {key}: {page.Error}; tried again at the next poll");
        return null;
    }

    private static string Key(FeedEntry entry) => entry.Link ?? entry.Id!;

    private PollResult Failed(string feedUrl, string error)
    {
        log($"feed {feedUrl}: {error}; tried again at the next poll");
        return new PollResult(feedUrl, false, 0, 0, 0, 0, 0, 0, error);
    }

    public void Dispose() => _http.Dispose();
}
