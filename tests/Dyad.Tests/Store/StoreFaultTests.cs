using System.Diagnostics;
using Dyad.Pipeline;
using Dyad.Store;
using Npgsql;

namespace Dyad.Tests.Store;

/// <summary>Faults: bad database files, failed writes, kills, two writers, a server that goes away.</summary>
public sealed class StoreFaultTests
{
    [Fact]
    public void A_corrupt_or_foreign_database_file_is_refused_by_name()
    {
        using var corrupt = new TempFile(".db", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);
        var r = Cli.Run(null, "query", "--db", corrupt.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("DYAD020", r.Stderr);
        Assert.Contains(corrupt.Path, r.Stderr);

        using var foreign = new TempFile(".db", []);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={foreign.Path};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)";
            create.ExecuteNonQuery();
        }
        var e = Assert.Throws<DyadException>(() => EventStore.Open(foreign.Path));
        Assert.Equal(ErrorCodes.NotAStore, e.Code);
        Assert.Contains("another program", e.Message);
    }

    [Fact]
    public void A_store_that_cannot_be_created_is_a_clear_error()
    {
        using var file = new TempFile(".txt", "not a folder"u8.ToArray());
        var r = Cli.Run(null, "ingest", "--db", Path.Combine(file.Path, "events.db"), Cli.Fixture("broken-line.jsonl"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("DYAD021", r.Stderr);
        Assert.Contains(file.Path, r.Stderr);
    }

    [Fact]
    public void A_failed_write_rolls_back_its_batch_and_keeps_what_was_committed()
    {
        using var db = TestStore.Create("sqlite");
        var corpus = Cli.SampleCorpus(60);
        db.Ingest(corpus.Take(20), batchSize: 20);
        var before = db.Store.Counts();

        // The database may not grow: the next batch fails as on a full disk.
        db.Store.OnConnect = c =>
        {
            using var pragma = c.CreateCommand();
            pragma.CommandText = "PRAGMA max_page_count = 1; ";
            pragma.ExecuteNonQuery();
        };
        var e = Assert.Throws<DyadException>(() => db.Ingest(corpus.Skip(20), batchSize: 20));
        Assert.Equal(ErrorCodes.StoreWriteFailed, e.Code);
        Assert.Contains("rolled back", e.Message);

        db.Store.OnConnect = c =>
        {
            using var pragma = c.CreateCommand();
            pragma.CommandText = "PRAGMA max_page_count = 1073741823";
            pragma.ExecuteNonQuery();
        };
        Assert.Equal(before, db.Store.Counts());
        var resumed = db.Ingest(corpus, batchSize: 20);
        Assert.Equal(40, resumed.Stored);
        Assert.Equal(20, resumed.Unchanged);
    }

    [Fact]
    public void Killing_an_ingest_and_running_it_again_ends_with_the_counts_of_an_uninterrupted_run()
    {
        using var folder = new TempFolder();
        string corpus = Path.Combine(folder.Path, "corpus.jsonl");
        Cli.WriteJsonLines(corpus, Cli.SampleCorpus(800));
        string whole = Path.Combine(folder.Path, "whole.db"), killed = Path.Combine(folder.Path, "killed.db");

        Assert.Equal(0, Cli.Run(null, "ingest", "--db", whole, "--batch", "25", corpus).ExitCode);

        // Kill at a random moment once the first batches are committed, then run again.
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "dyad.dll"), "ingest", "--db", killed, "--batch", "25", corpus })
            info.ArgumentList.Add(a);
        using (var process = Process.Start(info)!)
        {
            var clock = Stopwatch.StartNew();
            while (!process.HasExited && Counts(killed).Documents == 0 && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(20);
            Thread.Sleep(Random.Shared.Next(0, 400));
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        var partial = Counts(killed);
        Assert.InRange(partial.Documents, 1, 800);

        Assert.Equal(0, Cli.Run(null, "ingest", "--db", killed, "--batch", "25", corpus).ExitCode);
        Assert.Equal(Counts(whole), Counts(killed));
        Assert.Equal(800, Counts(killed).Documents);
    }

    [Fact]
    public async Task Two_ingests_on_one_sqlite_file_do_not_corrupt_it()
    {
        using var folder = new TempFolder();
        string corpus = Path.Combine(folder.Path, "corpus.jsonl"), reference = Path.Combine(folder.Path, "one.db"), shared = Path.Combine(folder.Path, "two.db");
        Cli.WriteJsonLines(corpus, Cli.SampleCorpus(300));
        Assert.Equal(0, Cli.Run(null, "ingest", "--db", reference, "--batch", "10", corpus).ExitCode);

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Cli.Run(null, "ingest", "--db", shared, "--batch", "10", corpus))));

        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        Assert.Equal(Counts(reference), Counts(shared));
    }

    [SkippableFact]
    public void A_postgres_server_that_goes_away_mid_ingest_keeps_the_committed_part_and_a_rerun_completes()
    {
        using var db = TestStore.Create("postgres");
        using var reference = TestStore.Create("postgres");
        var corpus = Cli.SampleCorpus(100);
        reference.Ingest(corpus, batchSize: 20);

        int batches = 0;
        var e = Assert.Throws<DyadException>(() => db.Ingest(corpus, batchSize: 20, onBatch: _ =>
        {
            if (++batches != 2) return;
            using var admin = new NpgsqlConnection(TestStore.PostgresServer);
            admin.Open();
            using var kill = admin.CreateCommand();
            kill.CommandText = $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{new NpgsqlConnectionStringBuilder(db.Db).Database}'";
            kill.ExecuteNonQuery();
        }));
        Assert.Equal(ErrorCodes.StoreUnavailable, e.Code);
        Assert.Equal(40, db.Store.Counts().Documents);

        db.Ingest(corpus, batchSize: 20);
        Assert.Equal(reference.Store.Counts(), db.Store.Counts());
    }

    private static StoreCounts Counts(string path) => File.Exists(path) ? EventStore.Open(path).Counts() : new StoreCounts(0, 0, 0);
}
