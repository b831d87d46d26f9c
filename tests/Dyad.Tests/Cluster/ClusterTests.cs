using System.Diagnostics;
using Dyad.Cluster;
using Dyad.Documents;
using Dyad.Store;
using Dyad.Tests.Store;

namespace Dyad.Tests.Cluster;

/// <summary>
/// Two silos and a client on this machine against the PostgreSQL of ./test (skipped without it). Merge window 0: with a
/// wider window, which reports chain into one cluster depends on their arrival order, on one machine too.
/// </summary>
public sealed class ClusterTests
{
    private const int CorpusSize = 240;
    private static readonly Lazy<StoreCounts> SingleMachine = new(() =>
    {
        using var db = TestStore.Create("postgres");
        new Ingestor(Shared.Engine, db.Store, new IngestOptions { BatchSize = 16, WindowDays = 0 })
            .Run(Cli.SampleCorpus(CorpusSize).Select(a => new Input.InputItem(a, null)));
        return db.Store.Counts();
    });

    private static (TestStore Db, string Corpus, TempFolder Folder) Prepare()
    {
        var db = TestStore.Create("postgres");
        ClusterDatabase.Init(db.Store.Location);
        var folder = new TempFolder();
        string corpus = Path.Combine(folder.Path, "corpus.jsonl");
        Cli.WriteJsonLines(corpus, Cli.SampleCorpus(CorpusSize));
        return (db, corpus, folder);
    }

    [SkippableFact]
    public void Two_silos_store_the_counts_of_a_single_machine_ingest_and_a_rerun_stores_nothing()
    {
        var (db, corpus, folder) = Prepare();
        using var _ = db;
        using var __ = folder;
        using var a = SiloProcess.Start(db.Db);
        using var b = SiloProcess.Start(db.Db);

        var first = Cli.Run(null, "ingest", corpus, "--cluster", db.Db, "--batch", "16", "--merge-window", "0");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("on 2 silo(s)", first.Stdout);
        Assert.Equal(SingleMachine.Value, db.Store.Counts());

        var again = Cli.Run(null, "ingest", corpus, "--cluster", db.Db, "--batch", "16", "--merge-window", "0");
        Assert.Contains($"stored 0 new and 0 changed document(s); skipped {CorpusSize} already stored", again.Stdout);
        Assert.Equal(SingleMachine.Value, db.Store.Counts());
    }

    [SkippableFact]
    public void Killing_a_silo_midway_loses_and_duplicates_nothing_and_a_restarted_silo_rejoins()
    {
        var (db, corpus, folder) = Prepare();
        using var _ = db;
        using var __ = folder;
        var a = SiloProcess.Start(db.Db);
        using var b = SiloProcess.Start(db.Db);

        var ingest = Task.Run(() => Cli.Run(null, "ingest", corpus, "--cluster", db.Db, "--batch", "8", "--in-flight", "4", "--merge-window", "0"));
        var clock = Stopwatch.StartNew();
        while (db.Store.Counts().Documents < CorpusSize / 4 && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(200);
        a.Kill();
        long atKill = db.Store.Counts().Documents;
        using var restarted = SiloProcess.Start(db.Db, a.SiloPort, a.GatewayPort);
        a.Dispose();

        var result = ingest.Result;
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(atKill < CorpusSize, $"the ingest had ended ({atKill} documents) before the kill");
        Assert.Contains("progress:", result.Stderr);
        Assert.Equal(SingleMachine.Value, db.Store.Counts());
        var silos = ClusterDatabase.Silos(db.Store.Location);
        Assert.Equal(2, silos.Count(s => s.Status == 3));
        Assert.Contains(silos, s => s.Silo == $"127.0.0.1:{a.SiloPort}" && s.Status == 6);
    }

    [SkippableFact]
    public void Concurrent_writers_of_one_happening_join_one_cluster()
    {
        using var db = TestStore.Create("postgres");
        const string Accuse = "South Korea's defence minister condemned North Korea's missile launch on Friday, the ministry said.";
        const string Talks = "Japan and India held talks in Tokyo on Friday.";
        // Each batch names both happenings, in either order: writers that locked cluster keys in text order would deadlock.
        var batches = Enumerable.Range(0, 8).Select(w => Enumerable.Range(0, 6).Select(i =>
            new Article($"w{w}-{i}", (w + i) % 2 == 0 ? $"{Accuse} {Talks} Report {w}-{i}." : $"{Talks} {Accuse} Report {w}-{i}.")
            {
                Date = new DateOnly(2024, 11, 2),
                Source = $"Wire {w}",
            }).ToList()).ToList();

        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, batch =>
            new Ingestor(Shared.Engine, EventStore.Open(db.Db), new IngestOptions()).Store(batch));

        var accusations = db.Store.Query(new EventQuery { Type = "ACCUSE", Reports = true });
        var talks = db.Store.Query(new EventQuery { Type = "CONSULT", Reports = true });
        Assert.Equal(48, accusations.Count);
        Assert.Equal(48, talks.Count);
        Assert.Single(accusations.Select(e => e.ClusterId).Distinct());
        Assert.Single(talks.Select(e => e.ClusterId).Distinct());
        Assert.Equal(48, accusations[0].NumReports);
        Assert.Equal(8, accusations[0].NumSources);
    }
}
