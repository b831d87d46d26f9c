using System.Net;
using System.Net.Http.Headers;

namespace Dyad.Feeds;

/// <summary>The outcome of one fetch: the body, or why there is none.</summary>
internal sealed record Fetched(HttpStatusCode? Status, byte[]? Body, string? Error, bool NotModified = false, bool Permanent = false)
{
    public bool Ok => Body is not null;
}

/// <summary>
/// GETs with a timeout, retries with exponential backoff on timeouts, network errors, 5xx and 429, conditional
/// requests (ETag, Last-Modified) for feeds, and a least delay between two requests to the same host.
/// </summary>
internal sealed class HttpFetcher(WatchOptions options, HttpMessageHandler? handler = null) : IDisposable
{
    private readonly HttpClient _client = CreateClient(options, handler);
    private readonly Dictionary<string, (string? ETag, DateTimeOffset? Modified)> _validators = [];
    private readonly Dictionary<string, DateTime> _nextRequest = [];
    private readonly SemaphoreSlim _hosts = new(1, 1);

    public async Task<Fetched> GetAsync(string url, bool conditional, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            return new Fetched(null, null, "not an http(s) URL", Permanent: true);
        var wait = options.Backoff;
        Fetched last = new(null, null, "not tried");
        for (int attempt = 1; attempt <= options.Attempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(wait, ct);
                wait *= 2;
            }
            await WaitForHostAsync(uri.Host, ct);
            last = await TryAsync(uri, conditional, ct);
            if (last.Ok || last.NotModified || last.Permanent) return last;
        }
        return last;
    }

    private async Task<Fetched> TryAsync(Uri uri, bool conditional, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        string key = uri.AbsoluteUri;
        if (conditional && _validators.TryGetValue(key, out var v))
        {
            if (v.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
            if (v.Modified is { } modified) request.Headers.IfModifiedSince = modified;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotModified) return new Fetched(response.StatusCode, null, null, NotModified: true);
            int code = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                bool retry = code >= 500 || code is 429 or 408;
                return new Fetched(response.StatusCode, null, $"HTTP {code} {response.ReasonPhrase}", Permanent: !retry);
            }
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            if (conditional)
                _validators[key] = (response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
            return new Fetched(response.StatusCode, body, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Fetched(null, null, $"no response within {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new Fetched(null, null, e.Message);
        }
    }

    private async Task WaitForHostAsync(string host, CancellationToken ct)
    {
        TimeSpan delay;
        await _hosts.WaitAsync(ct);
        try
        {
            var now = DateTime.UtcNow;
            var next = _nextRequest.GetValueOrDefault(host, now);
            delay = next > now ? next - now : TimeSpan.Zero;
            _nextRequest[host] = (next > now ? next : now) + options.PerHostDelay;
        }
        finally
        {
            _hosts.Release();
        }
        if (delay > TimeSpan.Zero) await Task.Delay(delay, ct);
    }

    private static HttpClient CreateClient(WatchOptions options, HttpMessageHandler? handler)
    {
        var client = handler is null
            ? new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            : new HttpClient(handler, disposeHandler: false);
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        return client;
    }

    public void Dispose()
    {
        _client.Dispose();
        _hosts.Dispose();
    }
}
