using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dyad.Pipeline;
using Dyad.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Dyad.Web;

/// <summary>Builds the web application: the JSON API under /api, its OpenAPI description and the analysts' pages.</summary>
public static class WebServer
{
    private const string TokenCookie = "dyad_token";

    /// <summary>Opens the store and builds the app; fails with DYAD012 when an address beyond loopback has no token.</summary>
    public static WebApplication Build(WebOptions options, Engine engine)
    {
        var urls = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0) throw new DyadException(ErrorCodes.BadArgument, "--urls: give at least one address, e.g. http://127.0.0.1:5080");
        foreach (var url in urls)
        {
            if (!IsLoopback(url) && string.IsNullOrEmpty(options.Token))
                throw new DyadException(ErrorCodes.BadArgument, $"--urls: {url} is reachable beyond this machine; give an access token with --token or $DYAD_TOKEN");
        }
        var store = EventStore.Open(options.Db);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
            Args = [],
        });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
        });
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Dyad";
            document.Info.Description = "Political events coded from news text in PLOVER, with their evidence.";
            document.Info.Version = Engine.ProgramVersion;
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddSingleton(store).AddSingleton(engine).AddSingleton(options);

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleError });
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
        if (!string.IsNullOrEmpty(options.Token)) app.Use(RequireToken(options.Token));
        var files = new EmbeddedFileProvider(typeof(WebServer).Assembly, "Dyad.Web.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapOpenApi("/openapi/{documentName}.json");
        Api.Map(app);
        return app;
    }

    /// <summary>The addresses the app listens on once started (with the real port when 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) => app.Urls.ToList();

    private static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://any", StringComparison.Ordinal).Replace("://+", "://any", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            throw new DyadException(ErrorCodes.BadArgument, $"--urls: '{url}' is not an address such as http://127.0.0.1:5080");
        if (uri.Scheme is not ("http" or "https"))
            throw new DyadException(ErrorCodes.BadArgument, $"--urls: '{url}' is not an http address");
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>Every request needs the token: as a Bearer header, as the cookie set by visiting any page with ?token=, or in that query.</summary>
    private static Func<HttpContext, RequestDelegate, Task> RequireToken(string token)
    {
        var expected = Encoding.UTF8.GetBytes(token);
        bool Matches(string? given) => given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected);
        return async (context, next) =>
        {
            var request = context.Request;
            string? header = request.Headers.Authorization.ToString() is { } h && h.StartsWith("Bearer ", StringComparison.Ordinal) ? h[7..] : null;
            if (Matches(header) || Matches(request.Cookies[TokenCookie]))
            {
                await next(context);
                return;
            }
            if (Matches(request.Query["token"]))
            {
                context.Response.Cookies.Append(TokenCookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = request.IsHttps });
                await next(context);
                return;
            }
            await Results.Problem(statusCode: 401, title: "An access token is required",
                detail: "Send 'Authorization: Bearer TOKEN', or open the page once with ?token=TOKEN.").ExecuteAsync(context);
        };
    }

    /// <summary>Turns an exception into a problem-details answer without any stack trace.</summary>
    private static async Task HandleError(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var result = error switch
        {
            BadHttpRequestException { StatusCode: 413 } => Results.Problem(statusCode: 413, title: "The request body is too large",
                detail: $"at most {context.RequestServices.GetRequiredService<WebOptions>().MaxBodyBytes} bytes are accepted"),
            BadHttpRequestException bad => Results.Problem(statusCode: bad.StatusCode, title: "Bad request"),
            DyadException { Code: ErrorCodes.StoreBusy or ErrorCodes.StoreUnavailable } e => Results.Problem(statusCode: 503, title: "The store is unavailable", detail: e.Message),
            DyadException e => Results.Problem(statusCode: 500, title: "The store failed", detail: e.Message),
            _ => Results.Problem(statusCode: 500, title: "Internal error"),
        };
        await result.ExecuteAsync(context);
    }
}
