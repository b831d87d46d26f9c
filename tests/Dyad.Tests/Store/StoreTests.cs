using System.Text.Json;
using Dyad.Documents;
using Dyad.Store;
using Dyad.Store.Export;
using Parquet.Serialization;

namespace Dyad.Tests.Store;

/// <summary>The store's behaviour, the same on SQLite and PostgreSQL.</summary>
public sealed class StoreTests
{
    private const string Talks =
        "South Korea's defence minister condemned North Korea's missile launch on Friday and urged Pyongyang to return to talks, the ministry said.";

    private static Article Story(string id, string text, string date = "2024-11-02", string source = "Wire A") =>
        new(id, text) { Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Source = source, Title = $"Story {id}" };

    [SkippableTheory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Ingesting_twice_stores_each_document_once(string backend)
    {
        using var db = TestStore.Create(backend);
        var corpus = Cli.SampleCorpus(40);
        var first = db.Ingest(corpus, batchSize: 16);
        var counts = db.Store.Counts();
        var second = db.Ingest(corpus, batchSize: 16);

        Assert.Equal(40, first.Stored);
        Assert.True(first.Events > 40, $"{first.Events} events");
        Assert.Equal(0, second.Stored + second.Replaced);
        Assert.Equal(40, second.Unchanged);
        Assert.Equal(counts, db.Store.Counts());
        Assert.Equal(40, counts.Documents);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void A_changed_document_replaces_its_events_and_a_copy_is_skipped(string backend)
    {
        using var db = TestStore.Create(backend);
        db.Ingest([Story("a", Talks)]);
        var changed = db.Ingest([Story("a", "Japan and India held talks in Tokyo on Friday.")]);
        var copy = db.Ingest([Story("b", "Japan and India held talks in Tokyo on Friday.")]);

        Assert.Equal(1, changed.Replaced);
        Assert.Equal(1, copy.Duplicates);
        var events = db.Store.Query(new EventQuery());
        Assert.DoesNotContain(events, e => e.Type == "ACCUSE");
        Assert.Contains(events, e => e.Type == "CONSULT" && e.DocKey == "a");
        Assert.Equal(1, db.Store.Counts().Documents);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void A_query_by_dyad_and_type_returns_the_event_with_its_evidence(string backend)
    {
        using var db = TestStore.Create(backend);
        db.Ingest([Story("seoul", Talks)]);

        var found = db.Store.Query(new EventQuery { Actor = new("KOR", null), Recipient = new("PRK", null), Type = "ACCUSE" });

        var e = Assert.Single(found);
        Assert.Equal("2024-11-01", e.Date);
        Assert.Equal("condemned", e.EventText);
        Assert.Contains("condemned North Korea's missile launch", e.Sentence);
        var span = e.Plover.GetProperty("text_info").GetProperty("event_text");
        Assert.Equal("condemned", Talks[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()]);
        Assert.Equal(["the ministry", "Wire A"], e.Plover.GetProperty("reported_by").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(db.Store.Query(new EventQuery { Actor = new("KOR", "MIL"), Type = "ACCUSE" }));
        Assert.Single(db.Store.Query(new EventQuery { Actor = new("KOR", "GOV"), Type = "ACCUSE" }));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Reports_from_two_outlets_within_the_window_are_one_event(string backend)
    {
        using var db = TestStore.Create(backend);
        db.Ingest(
        [
            Story("one", Talks, "2024-11-02", "Wire A"),
            Story("two", "South Korea's defence minister condemned North Korea's missile launch on Saturday.", "2024-11-03", "Wire B"),
            Story("three", "South Korea condemned North Korea's missile launch on Monday.", "2024-11-20", "Wire B"),
        ]);

        var clusters = db.Store.Query(new EventQuery { Type = "ACCUSE" });
        var reports = db.Store.Query(new EventQuery { Type = "ACCUSE", Reports = true });

        Assert.Equal(2, clusters.Count);
        Assert.Equal(3, reports.Count);
        var merged = Assert.Single(clusters, c => c.NumArticles == 2);
        Assert.Equal(2, merged.NumSources);
        Assert.Equal(2, db.Store.Reports(merged.ClusterId).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Stats_count_events_per_period_and_rank_dyads(string backend)
    {
        using var db = TestStore.Create(backend);
        db.Ingest(
        [
            Story("n1", "South Korea condemned North Korea's missile launch on Friday.", "2024-10-05"),
            Story("n2", "South Korea accused North Korea of jamming GPS signals on Monday.", "2024-11-05"),
            Story("n3", "South Korea and North Korea held talks in Panmunjom on Tuesday.", "2024-11-20"),
        ]);

        var months = db.Store.Stats(new EventQuery { Actor = new("KOR", null), Recipient = new("PRK", null) }, Period.Month);

        Assert.Equal(["2024-10", "2024-11"], months.Select(m => m.Period));
        Assert.Equal(1, months[0].Conflict);
        Assert.Equal(1, months[1].Conflict);
        Assert.Equal(1, months[1].Cooperation);
        Assert.True(months[0].MeanScore < 0);
        var top = db.Store.TopDyads(new EventQuery(), 5);
        Assert.Equal(("KOR", "PRK"), (top[0].Actor, top[0].Recipient));
        Assert.Equal(3, top[0].Events);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Text_place_and_date_filters_narrow_the_result(string backend)
    {
        using var db = TestStore.Create(backend);
        db.Ingest(
        [
            Story("talks", "Japan and India held talks in Tokyo on Friday about maritime security.", "2024-03-02"),
            Story("clash", "Indian troops clashed with Chinese soldiers near the border on Monday.", "2024-06-11"),
        ]);

        Assert.Equal(["talks"], db.Store.Query(new EventQuery { Text = "maritime" }).Select(e => e.DocKey).Distinct());
        Assert.Equal(["talks"], db.Store.Query(new EventQuery { Place = "tokyo" }).Select(e => e.DocKey).Distinct());
        Assert.Equal(["clash"], db.Store.Query(new EventQuery { From = new DateOnly(2024, 6, 1) }).Select(e => e.DocKey).Distinct());
        Assert.Empty(db.Store.Query(new EventQuery { Text = "volcano" }));
    }

    [SkippableTheory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Exports_load_back_in_each_format(string backend)
    {
        using var db = TestStore.Create(backend);
        db.Ingest([Story("seoul", Talks), Story("tokyo", "Japan and India held talks in Tokyo on Friday.")]);
        var events = db.Store.Query(new EventQuery());

        var csv = Lines(Export("csv", events));
        Assert.Equal(events.Count + 1, csv.Length);
        Assert.StartsWith("store_id,id,cluster_id,num_reports", csv[0]);

        var gdelt = Lines(Export("gdelt", events));
        int columns = gdelt[0].Split('\t').Length;
        Assert.All(gdelt, line => Assert.Equal(columns, line.Split('\t').Length));
        Assert.Contains(gdelt, line => line.Split('\t') is var f && f[5] == "KORGOV" && f[9] == "PRK" && f[14] == "111");

        var plover = Lines(Export("plover", events)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(plover, p => Assert.True(p.GetProperty("cluster").GetProperty("num_articles").GetInt32() >= 1));

        var rows = ParquetSerializer.DeserializeAsync<ParquetExport.Row>(new MemoryStream(Export("parquet", events))).GetAwaiter().GetResult();
        Assert.Equal(events.Select(e => e.Type), rows.Data.Select(r => r.Event));
    }

    private static byte[] Export(string format, List<StoredEvent> events)
    {
        var stream = new MemoryStream();
        var writer = ExportFormats.Create(format, stream);
        foreach (var e in events) writer.Write(e);
        writer.Finish();
        return stream.ToArray();
    }

    private static string[] Lines(byte[] bytes) =>
        System.Text.Encoding.UTF8.GetString(bytes).Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
}
