using System.Text.Json;

namespace Dyad.Tests.Store;

/// <summary>The store commands as a user runs them, on both backends.</summary>
public sealed class StoreCliTests
{
    [SkippableTheory]
    [MemberData(nameof(TestStore.Backends), MemberType = typeof(TestStore))]
    public void Ingest_query_stats_export_and_recode(string backend)
    {
        using var db = TestStore.Create(backend);
        using var folder = new TempFolder();
        string corpus = Path.Combine(folder.Path, "corpus.jsonl");
        Cli.WriteJsonLines(corpus, Cli.SampleCorpus(30));

        var first = Cli.Run(null, "ingest", "--db", db.Db, corpus);
        var second = Cli.Run(null, "ingest", "--db", db.Db, corpus);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("stored 30 new", first.Stdout);
        Assert.Contains("stored 0 new and 0 changed document(s); skipped 30 already stored", second.Stdout);

        var query = Cli.Run(null, "query", "--db", db.Db, "--actor", "PRK", "--format", "plover", "--limit", "5");
        var records = query.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.InRange(records.Count, 1, 5);
        Assert.All(records, r => Assert.Contains(r.GetProperty("actor").EnumerateArray(), a => a.GetProperty("code").GetString() == "PRK"));

        var stats = Cli.Run(null, "stats", "--db", db.Db, "--actor", "PRK", "--by", "year", "--format", "csv");
        Assert.StartsWith("period,events,reports,mean score,cooperation,conflict", stats.Stdout);
        Assert.Contains("\n2024,", stats.Stdout);

        string parquet = Path.Combine(folder.Path, "events.parquet");
        Assert.Equal(0, Cli.Run(null, "export", "--db", db.Db, "--format", "parquet", "--out", parquet).ExitCode);
        Assert.True(new FileInfo(parquet).Length > 100);
        var refused = Cli.Run(null, "export", "--db", db.Db, "--format", "parquet");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("DYAD012", refused.Stderr);

        var counts = db.Store.Counts();
        var recode = Cli.Run(null, "recode", "--db", db.Db);
        var all = Cli.Run(null, "recode", "--db", db.Db, "--all");
        Assert.Contains("re-coded 0 document(s)", recode.Stdout);
        Assert.Contains("re-coded 30 document(s)", all.Stdout);
        Assert.Equal(counts, db.Store.Counts());
    }

    [Fact]
    public void Bad_filters_are_named()
    {
        using var db = TestStore.Create("sqlite");
        var r = Cli.Run(null, "query", "--db", db.Db, "--type", "SHOUT");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--type", r.Stderr);
        var dyad = Cli.Run(null, "stats", "--db", db.Db, "--dyad", "KOR");
        Assert.Contains("--dyad", dyad.Stderr);
    }
}
