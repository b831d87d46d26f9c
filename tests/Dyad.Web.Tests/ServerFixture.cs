using System.Text.Json;
using Dyad.Documents;
using Dyad.Input;
using Dyad.Pipeline;
using Dyad.Store;
using Microsoft.AspNetCore.Builder;

namespace Dyad.Web.Tests;

/// <summary>
/// One server for the API and browser tests, on 127.0.0.1 with a free port, over a fresh SQLite store holding the
/// bundled samples and 300 articles of the benchmark corpus (invented passages only), plus one hostile article.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    /// <summary>An article whose text tries to inject markup; the pages must show it as text.</summary>
    public const string HostileText = "ANKARA, Jan 5 - Turkey condemned Greece on Friday <img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script> over the islands, the foreign ministry said.";

    private readonly List<WebApplication> _apps = [];
    private string _folder = "";

    public static Engine Engine => LazyEngine.Value;
    private static readonly Lazy<Engine> LazyEngine = new(() => Engine.Build());

    public HttpClient Client { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("dyad-web-").FullName;
        var db = Path.Combine(_folder, "web.db");
        var store = EventStore.Open(db);
        var reader = new ArticleReader(new ArticleReaderOptions { Date = new DateOnly(2023, 3, 10) });
        var ingestor = new Ingestor(Engine, store, new IngestOptions());
        ingestor.Run(reader.Read([Files.Sample("articles.jsonl"), Files.Sample("wire-story.txt")]));
        ingestor.Run(Dyad.Cli.SampleCorpus.Generate(long.MaxValue, 300).Select(a => new InputItem(a, null)));
        new Ingestor(Engine, store, new IngestOptions()).Store([new Article("hostile", HostileText) { Date = new DateOnly(2001, 1, 5), Source = "test" }]);
        (Client, BaseAddress) = await Start(new WebOptions { Db = db });
    }

    /// <summary>Starts another server (own store unless given) and returns a client for it.</summary>
    public async Task<(HttpClient Client, Uri BaseAddress)> Start(WebOptions options)
    {
        options = options with
        {
            Urls = options.Urls == new WebOptions().Urls ? "http://127.0.0.1:0" : options.Urls,
            Db = options.Db ?? Path.Combine(_folder, $"store-{_apps.Count}.db"),
        };
        var app = WebServer.Build(options, Engine);
        await app.StartAsync();
        _apps.Add(app);
        var address = new Uri(app.Urls.First());
        return (new HttpClient { BaseAddress = address }, address);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        foreach (var app in _apps) await app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    public async Task<JsonElement> Json(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

[CollectionDefinition("server")]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>;

/// <summary>Files of the repository and of ../shared beside it, found by walking up from the test folder.</summary>
public static class Files
{
    public static string Sample(string name) => Find(Path.Combine("samples", name)) ?? throw new FileNotFoundException(name);


    public static string? Seed() => Find(Path.Combine("shared", "eval", "seed.jsonl"));

    private static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
