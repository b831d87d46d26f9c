using System.Text.Json;
using Microsoft.Playwright;

namespace Dyad.Web.Tests;

/// <summary>
/// Drives Debian's headless chromium (by path; Playwright downloads no browser) through every view, saving a screenshot
/// of each under screenshots/ beside the tests, and also in $DYAD_SCREENSHOTS when set (docs/screenshots).
/// </summary>
[Collection("server")]
public sealed class BrowserTests(ServerFixture server) : IAsyncLifetime
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("DYAD_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<string> _errors = [];

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    private async Task<IPage> Open(string hash)
    {
        Skip.If(_browser is null && Environment.GetEnvironmentVariable("CI") != "true", $"no chromium at {Chromium} (./test installs it)");
        Assert.NotNull(_browser);
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        page.PageError += (_, message) => _errors.Add(message);
        page.Console += (_, message) => { if (message.Type == "error") _errors.Add(message.Text); };
        await page.GotoAsync(new Uri(server.BaseAddress, "/" + hash).ToString());
        return page;
    }

    private async Task Screenshot(IPage page, string name)
    {
        Assert.Empty(_errors);
        var folders = new List<string> { Path.Combine(AppContext.BaseDirectory, "screenshots") };
        if (Environment.GetEnvironmentVariable("DYAD_SCREENSHOTS") is { Length: > 0 } docs) folders.Add(docs);
        var image = await page.ScreenshotAsync();
        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), image);
        }
    }

    [SkippableFact]
    public async Task Events_view_filters_sorts_and_pages()
    {
        var expected = await server.Json("/api/events?limit=50");
        var page = await Open("#/events");
        var rows = page.Locator("tbody tr");
        await rows.First.WaitForAsync();
        Assert.Equal(expected.GetProperty("items").GetArrayLength(), await rows.CountAsync());
        await Screenshot(page, "events");

        await page.Locator("th", new() { HasText = "score" }).ClickAsync();
        Assert.Equal("ascending", await page.Locator("th", new() { HasText = "score" }).GetAttributeAsync("aria-sort"));
        var scores = (await page.Locator("tbody tr td:nth-child(7)").AllTextContentsAsync()).Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.Order(), scores);

        if (expected.GetProperty("has_more").GetBoolean())
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Older ›" }).ClickAsync();
            await page.GetByText("events 51–").WaitForAsync();
        }

        string type = expected.GetProperty("items")[0].GetProperty("record").GetProperty("event").GetString()!;
        await page.Locator("select[name=type]").SelectOptionAsync(type);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync($"**type={type}**");
        await page.WaitForFunctionAsync("t => [...document.querySelectorAll('tbody tr td:nth-child(2)')].every(c => c.textContent.startsWith(t))", type);
        foreach (var cell in await page.Locator("tbody tr td:nth-child(2)").AllTextContentsAsync()) Assert.StartsWith(type, cell, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Event_view_marks_the_evidence_and_keeps_article_text_inert()
    {
        var hostile = (await server.Json("/api/events?from=2001-01-01&to=2001-12-31")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var page = await Open($"#/event/{hostile}");
        await page.Locator("mark.m-trigger").WaitForAsync();
        Assert.Equal("condemned", await page.Locator("mark.m-trigger").TextContentAsync());
        Assert.Equal("Turkey", await page.Locator("mark.m-actor").First.TextContentAsync());
        Assert.Equal("Greece", await page.Locator("mark.m-recipient").First.TextContentAsync());
        Assert.Contains("<script>window.pwned=2</script>", await page.GetByTestId("article").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main img, main script").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.pwned"));

        var busiest = (await server.Json("/api/events?limit=200")).GetProperty("items").EnumerateArray()
            .OrderByDescending(e => e.GetProperty("record").GetProperty("reported_by").GetArrayLength()).First();
        await page.GotoAsync(new Uri(server.BaseAddress, $"/#/event/{busiest.GetProperty("id").GetInt64()}").ToString());
        await page.Locator("mark.m-trigger").WaitForAsync();
        string chain = (await page.GetByTestId("reported-by").TextContentAsync())!;
        foreach (var who in busiest.GetProperty("record").GetProperty("reported_by").EnumerateArray()) Assert.Contains(who.GetString()!, chain, StringComparison.Ordinal);
        await Screenshot(page, "event");
    }

    [SkippableFact]
    public async Task Dyad_timeline_leads_to_an_event_and_its_evidence()
    {
        var page = await Open("#/dyad");
        await page.Locator("tbody tr a").First.ClickAsync();
        await page.GetByTestId("timeline").WaitForAsync();
        var periods = page.Locator("svg .period");
        Assert.True(await periods.CountAsync() > 0);
        await periods.Last.ClickAsync();
        var events = page.GetByTestId("period-events").Locator("tbody tr a");
        await events.First.WaitForAsync();
        await Screenshot(page, "dyad");

        await events.First.ClickAsync();
        await page.WaitForURLAsync("**#/event/**");
        var trigger = page.Locator("mark.m-trigger");
        await trigger.WaitForAsync();
        Assert.True(await trigger.IsVisibleAsync());
        Assert.False(string.IsNullOrWhiteSpace(await trigger.TextContentAsync()));
        Assert.True(await page.Locator(".in-sentence").CountAsync() > 0);
    }

    [SkippableFact]
    public async Task Network_draws_actors_and_their_events()
    {
        var page = await Open("#/network");
        await page.GetByTestId("network").WaitForAsync();
        var network = await server.Json("/api/network?top=60");
        Assert.Equal(network.GetProperty("nodes").GetArrayLength(), await page.Locator("svg .node").CountAsync());
        Assert.Equal(network.GetProperty("edges").GetArrayLength(), await page.Locator("svg .edge").CountAsync());
        await Screenshot(page, "network");
        await page.Locator("svg .edge").First.DispatchEventAsync("click");
        await page.WaitForURLAsync("**#/events?**");
    }

    [SkippableFact]
    public async Task Map_places_events_on_the_world_outline()
    {
        var page = await Open("#/map");
        await page.GetByTestId("map").WaitForAsync();
        var places = await server.Json("/api/places");
        Assert.Equal(places.GetArrayLength(), await page.Locator("svg .place").CountAsync());
        Assert.True((await page.Locator("svg[data-testid=map] path").First.GetAttributeAsync("d"))!.Length > 10_000);
        await Screenshot(page, "map");
    }

    [SkippableFact]
    public async Task Code_page_highlights_the_events_of_pasted_text()
    {
        var page = await Open("#/code");
        string text = File.ReadAllText(Files.Sample("wire-story.txt"));
        await page.GetByLabel("Publication date").FillAsync("2023-03-10");
        await page.GetByTestId("code-text").FillAsync(text);
        var rows = page.GetByTestId("code-output").Locator("tbody tr");
        await rows.First.WaitForAsync();
        Assert.True(await page.Locator("mark.m-trigger").CountAsync() > 1);
        await rows.Nth(1).ClickAsync();
        Assert.Equal(1, await page.Locator("mark.m-trigger").CountAsync());
        Assert.Contains("selected", await rows.Nth(1).GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        await Screenshot(page, "code");
    }
}
