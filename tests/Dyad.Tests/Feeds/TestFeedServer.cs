using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dyad.Tests.Feeds;

/// <summary>A local HTTP server on 127.0.0.1 serving fixture feeds and pages, with chosen statuses and delays.</summary>
public sealed class TestFeedServer : IDisposable
{
    public sealed record Response(int Status, string Body, string ContentType = "text/html; charset=utf-8", TimeSpan Delay = default, string? ETag = null);

    /// <summary>A request as it arrived: when (UTC), for which path, from which User-Agent.</summary>
    public sealed record Hit(DateTime At, string Path, string UserAgent);

    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, Response> _routes = [];
    private readonly List<Hit> _hits = [];
    private readonly Lock _lock = new();

    public TestFeedServer()
    {
        int port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add($"{BaseUrl}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }
    public int Requests { get; private set; }

    public void Set(string path, Response response)
    {
        lock (_lock) _routes[path] = response;
    }

    /// <summary>The requests so far for <paramref name="path"/>, in order of arrival.</summary>
    public List<Hit> Hits(string path)
    {
        lock (_lock) return [.. _hits.Where(h => h.Path == path)];
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        Response? response;
        lock (_lock)
        {
            Requests++;
            _hits.Add(new Hit(DateTime.UtcNow, context.Request.Url!.AbsolutePath, context.Request.UserAgent ?? ""));
            _routes.TryGetValue(context.Request.Url!.AbsolutePath, out response);
        }
        response ??= new Response(404, "not found", "text/plain");
        try
        {
            if (response.Delay > TimeSpan.Zero) await Task.Delay(response.Delay);
            if (response.ETag is { } etag)
            {
                context.Response.Headers["ETag"] = etag;
                if (context.Request.Headers["If-None-Match"] == etag)
                {
                    context.Response.StatusCode = 304;
                    context.Response.Close();
                    return;
                }
            }
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (a timeout test).
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
