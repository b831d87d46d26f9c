using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dyad.Documents;
using Dyad.Input;
using Dyad.Output;
using Dyad.Pipeline;

namespace Dyad.Web.Tests;

[Collection("server")]
public sealed class ApiTests(ServerFixture server)
{
    private HttpClient Client => server.Client;

    [Fact]
    public async Task Info_counts_the_store()
    {
        var info = await server.Json("/api/info");
        Assert.True(info.GetProperty("documents").GetInt64() > 1);
        Assert.True(info.GetProperty("clusters").GetInt64() > 0);
        Assert.Contains("ASSAULT", info.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Events_page_through_the_store()
    {
        var first = await server.Json("/api/events?limit=2");
        var second = await server.Json("/api/events?limit=2&offset=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.True(first.GetProperty("has_more").GetBoolean());
        var ids = first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.DoesNotContain(second.GetProperty("items")[0].GetProperty("id").GetInt64(), ids);
        var item = first.GetProperty("items")[0];
        Assert.True(item.GetProperty("record").GetProperty("text_info").GetProperty("end").GetInt32() > 0);
    }

    [Fact]
    public async Task Events_filter_like_dyad_query()
    {
        var any = (await server.Json("/api/events?limit=1")).GetProperty("items")[0].GetProperty("record");
        string type = any.GetProperty("event").GetString()!;
        string actor = any.GetProperty("actor")[0].GetProperty("code").GetString()!;
        var page = await server.Json($"/api/events?type={type.ToLowerInvariant()}&actor={actor}&limit=1000");
        Assert.NotEqual(0, page.GetProperty("items").GetArrayLength());
        foreach (var e in page.GetProperty("items").EnumerateArray())
        {
            Assert.Equal(type, e.GetProperty("record").GetProperty("event").GetString());
            Assert.Contains(actor, e.GetProperty("record").GetProperty("actor").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        }
        var none = await server.Json("/api/events?from=2100-01-01");
        Assert.Equal(0, none.GetProperty("items").GetArrayLength());
        Assert.False(none.GetProperty("has_more").GetBoolean());
    }

    [Theory]
    [InlineData("/api/events?limit=0", "limit")]
    [InlineData("/api/events?limit=abc", "limit")]
    [InlineData("/api/events?offset=-1", "offset")]
    [InlineData("/api/events?from=2024-13-01", "from")]
    [InlineData("/api/events?to=yesterday", "to")]
    [InlineData("/api/events?type=FOO", "type")]
    [InlineData("/api/events?type=3", "type")]
    [InlineData("/api/events?actor=K%20R", "actor")]
    [InlineData("/api/events?recipient=KOR:", "recipient")]
    [InlineData("/api/events?reports=maybe", "reports")]
    [InlineData("/api/events/abc", "id")]
    [InlineData("/api/events/0", "id")]
    [InlineData("/api/stats?actor=KOR&by=fortnight", "by")]
    [InlineData("/api/stats/top-dyads?top=0", "top")]
    [InlineData("/api/network?from=1.1.2020", "from")]
    [InlineData("/api/places?limit=100000", "limit")]
    [InlineData("/api/documents?after=x", "after")]
    [InlineData("/api/documents/-4", "id")]
    public async Task Bad_query_values_answer_400_naming_the_field(string path, string field)
    {
        using var response = await Client.GetAsync(path);
        await AssertProblem(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task One_event_comes_with_its_reports_and_article()
    {
        long id = (await server.Json("/api/events?limit=1")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var detail = await server.Json($"/api/events/{id}");
        var e = detail.GetProperty("event");
        Assert.Equal(id, e.GetProperty("id").GetInt64());
        Assert.Contains(id, detail.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        string text = detail.GetProperty("document").GetProperty("text").GetString()!;
        var trigger = e.GetProperty("record").GetProperty("text_info").GetProperty("event_text");
        int start = trigger.GetProperty("start").GetInt32(), end = trigger.GetProperty("end").GetInt32();
        Assert.InRange(end, start + 1, text.Length);
        Assert.Equal(e.GetProperty("record").GetProperty("event_text").GetString()!.Split(' ')[0], text[start..end].Split(' ')[0]);
    }

    [Fact]
    public async Task Missing_event_and_document_answer_404()
    {
        using var events = await Client.GetAsync("/api/events/999999");
        await AssertProblem(events, HttpStatusCode.NotFound, null);
        using var documents = await Client.GetAsync("/api/documents/999999");
        await AssertProblem(documents, HttpStatusCode.NotFound, null);
        using var nowhere = await Client.GetAsync("/api/nowhere");
        await AssertProblem(nowhere, HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Stats_give_a_dyad_per_period_and_the_top_dyads()
    {
        var top = await server.Json("/api/stats/top-dyads?top=3");
        Assert.InRange(top.GetArrayLength(), 1, 3);
        var counts = top.EnumerateArray().Select(d => d.GetProperty("events").GetInt32()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        var dyad = top[0];
        string actor = dyad.GetProperty("actor").GetString()!, recipient = dyad.GetProperty("recipient").GetString()!;
        foreach (var by in new[] { "day", "week", "month", "year" })
        {
            var periods = await server.Json($"/api/stats?actor={actor}&recipient={recipient}&by={by}");
            Assert.NotEqual(0, periods.GetArrayLength());
            foreach (var p in periods.EnumerateArray())
            {
                var from = DateOnly.Parse(p.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                var to = DateOnly.Parse(p.GetProperty("to").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(from <= to);
                var inside = await server.Json($"/api/events?actor={actor}&recipient={recipient}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&limit=1000");
                Assert.Equal(p.GetProperty("events").GetInt32(), inside.GetProperty("items").GetArrayLength());
            }
        }
    }

    [Fact]
    public async Task Network_nodes_cover_its_edges()
    {
        var network = await server.Json("/api/network");
        var nodes = network.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToHashSet();
        Assert.NotEmpty(nodes);
        foreach (var edge in network.GetProperty("edges").EnumerateArray())
        {
            Assert.Contains(edge.GetProperty("actor").GetString(), nodes);
            Assert.Contains(edge.GetProperty("recipient").GetString(), nodes);
            Assert.InRange(edge.GetProperty("mean_score").GetDouble(), -10, 10);
        }
    }

    [Fact]
    public async Task Places_have_coordinates()
    {
        var places = await server.Json("/api/places");
        Assert.NotEqual(0, places.GetArrayLength());
        foreach (var p in places.EnumerateArray())
        {
            Assert.InRange(p.GetProperty("lat").GetDouble(), -90, 90);
            Assert.InRange(p.GetProperty("lon").GetDouble(), -180, 180);
            Assert.True(p.GetProperty("events").GetInt32() > 0);
        }
    }

    [Fact]
    public async Task Documents_page_by_id_and_one_has_its_text()
    {
        var first = await server.Json("/api/documents?limit=1");
        var item = first.GetProperty("items")[0];
        Assert.Equal(JsonValueKind.Null, item.GetProperty("text").ValueKind);
        long next = first.GetProperty("next_after").GetInt64();
        var second = await server.Json($"/api/documents?after={next}&limit=1");
        Assert.True(second.GetProperty("items")[0].GetProperty("id").GetInt64() > next);
        var doc = await server.Json($"/api/documents/{item.GetProperty("id").GetInt64()}");
        Assert.Equal(item.GetProperty("length").GetInt32(), doc.GetProperty("text").GetString()!.Length);
    }

    [Fact]
    public async Task Code_answers_the_records_of_dyad_code()
    {
        var article = SeedArticle();
        var expected = new MemoryStream();
        var writer = new PloverWriter(expected);
        foreach (var record in EventRecord.From(ServerFixture.Engine.Process(article), ServerFixture.Engine)) writer.Write(record);
        Assert.NotEqual(0, expected.Length);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/code?id={article.Id}&date={article.Date:yyyy-MM-dd}")
        {
            Content = new StringContent(article.Text, Encoding.UTF8, "text/plain"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), await response.Content.ReadAsStringAsync());

        var json = JsonSerializer.Serialize(new { id = article.Id, date = article.Date?.ToString("yyyy-MM-dd"), text = article.Text });
        using var asJson = await Client.PostAsync("/api/code", new StringContent($"[{json},{json}]", Encoding.UTF8, "application/json"));
        var records = JsonDocument.Parse(await asJson.Content.ReadAsStringAsync()).RootElement;
        var lines = Encoding.UTF8.GetString(expected.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2 * lines.Length, records.GetArrayLength());
        Assert.Equal(JsonDocument.Parse(lines[0]).RootElement.GetProperty("id").GetString(), records[0].GetProperty("id").GetString());

        var counts = await server.Json("/api/info");
        using var again = await Client.PostAsync("/api/code", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(counts.GetProperty("documents").GetInt64(), (await server.Json("/api/info")).GetProperty("documents").GetInt64());
    }

    [Theory]
    [InlineData("text/plain", "   ", "text")]
    [InlineData("application/json", "{\"text\": \"\"}", "text")]
    [InlineData("application/json", "{\"text\": 5}", "text")]
    [InlineData("application/json", "[{\"text\": \"Kenya police arrested protesters.\"}, {\"text\": \"x\", \"date\": \"May 5\"}]", "[1].date")]
    [InlineData("application/json", "{\"text\": ", "body")]
    [InlineData("application/json", "[]", "body")]
    [InlineData("application/json", "[1]", "[0]")]
    [InlineData("application/x-ndjson", "{\"text\": \"a\"}\nnot json", "line 2")]
    public async Task Bad_bodies_answer_400_naming_the_field(string type, string body, string field)
    {
        foreach (var path in new[] { "/api/code", "/api/ingest" })
        {
            using var response = await Client.PostAsync(path, new StringContent(body, Encoding.UTF8, type));
            await AssertProblem(response, HttpStatusCode.BadRequest, field);
        }
    }

    [Fact]
    public async Task Bad_date_of_plain_text_names_the_field()
    {
        using var response = await Client.PostAsync("/api/code?date=tomorrow", new StringContent("Kenya police arrested protesters.", Encoding.UTF8, "text/plain"));
        await AssertProblem(response, HttpStatusCode.BadRequest, "date");
    }

    [Fact]
    public async Task Other_body_types_answer_415_and_large_bodies_413()
    {
        using var xml = await Client.PostAsync("/api/code", new StringContent("<article/>", Encoding.UTF8, "application/xml"));
        await AssertProblem(xml, HttpStatusCode.UnsupportedMediaType, null);
        var (small, _) = await server.Start(new WebOptions { MaxBodyBytes = 1000 });
        using var large = await small.PostAsync("/api/code", new StringContent(new string('a', 5000), Encoding.UTF8, "text/plain"));
        await AssertProblem(large, HttpStatusCode.RequestEntityTooLarge, null);
    }

    [Fact]
    public async Task Ingest_stores_posted_articles_once()
    {
        var (client, _) = await server.Start(new WebOptions());
        var body = JsonSerializer.Serialize(new[]
        {
            new { id = "a1", date = "2024-05-10", text = "NAIROBI - Kenyan police arrested 30 demonstrators in Nairobi on Thursday, the interior ministry said." },
        });
        using var first = await client.PostAsync("/api/ingest", new StringContent(body, Encoding.UTF8, "application/json"));
        var result = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, result.GetProperty("stored").GetInt32());
        Assert.True(result.GetProperty("events").GetInt32() > 0);
        using var second = await client.PostAsync("/api/ingest", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(1, JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("unchanged").GetInt32());
        var events = JsonDocument.Parse(await client.GetStringAsync("/api/events")).RootElement.GetProperty("items");
        Assert.Equal("a1", events[0].GetProperty("record").GetProperty("doc_id").GetString());
    }

    [Fact]
    public async Task A_token_guards_every_request()
    {
        var (client, address) = await server.Start(new WebOptions { Token = "s3cret" });
        using var denied = await client.GetAsync("/api/info");
        await AssertProblem(denied, HttpStatusCode.Unauthorized, null);
        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/info");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(bearer)).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/info");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cres");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);

        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/?token=s3cret")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/info")).StatusCode);
    }

    [Fact]
    public async Task Addresses_beyond_loopback_need_a_token()
    {
        var error = await Assert.ThrowsAsync<DyadException>(() => server.Start(new WebOptions { Urls = "http://0.0.0.0:0" }));
        Assert.Equal(ErrorCodes.BadArgument, error.Code);
        Assert.Contains("--token", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DyadException>(() => server.Start(new WebOptions { Urls = "ftp://127.0.0.1:0" }));
    }

    [Fact]
    public async Task OpenApi_describes_every_endpoint()
    {
        var paths = (await server.Json("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/info", "/api/events", "/api/events/{id}", "/api/stats", "/api/stats/top-dyads", "/api/network", "/api/places",
                     "/api/documents", "/api/documents/{id}", "/api/code", "/api/ingest" })
            Assert.True(paths.TryGetProperty(path, out _), path);
        Assert.Contains("actor", paths.GetProperty("/api/events").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Pages_are_served_offline_with_a_strict_policy()
    {
        using var index = await Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        string html = await index.Content.ReadAsStringAsync();
        Assert.Contains("app.js", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        foreach (var file in new[] { "/app.js", "/app.css", "/world.json" })
        {
            string text = await Client.GetStringAsync(file);
            Assert.DoesNotContain("https://", text.Replace("https?:", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    /// <summary>The seed article of ../shared/eval read as `dyad code` reads it, else the bundled wire story.</summary>
    private static Article SeedArticle()
    {
        string path = Files.Seed() ?? Files.Sample("wire-story.txt");
        var reader = new ArticleReader(new ArticleReaderOptions { Date = new DateOnly(2023, 3, 10) });
        return reader.Read([path]).Select(i => i.Article).OfType<Article>().First();
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (field is not null) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}': {body}");
    }
}
