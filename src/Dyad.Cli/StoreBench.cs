using System.Diagnostics;
using Dyad.Input;
using Dyad.Pipeline;
using Dyad.Store;

namespace Dyad.Cli;

/// <summary>`dyad bench --store N`: ingests N generated articles, then times the store's summaries.</summary>
internal static class StoreBench
{
    public static int Run(int articles, string? db, int threads)
    {
        string target = db ?? Path.Combine(Path.GetTempPath(), "dyad-bench-store.db");
        if (db is null)
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(target + suffix);
        var engine = Engine.Build();
        var store = EventStore.Open(target);
        Console.WriteLine($"store: {store.Location.Display}");
        var ingestor = new Ingestor(engine, store, new IngestOptions { Threads = threads, BatchSize = 256 });
        var totals = ingestor.Run(SampleCorpus.Generate(long.MaxValue, articles).Select(a => new InputItem(a, null)));
        var process = Process.GetCurrentProcess();
        double seconds = totals.Elapsed.TotalSeconds;
        var counts = store.Counts();
        Console.WriteLine($"ingest: {totals.Stored} articles, {totals.Events} events in {seconds:0.0} s -> {totals.Read / seconds:0} articles/s, {totals.Events / seconds:0} events/s (threads {threads})");
        Console.WriteLine($"of which coding {totals.Coding.TotalSeconds:0.0} s, storing {totals.Storing.TotalSeconds:0.0} s");
        Console.WriteLine($"store now: {counts.Documents} documents, {counts.Reports} event reports in {counts.Clusters} events");
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1e6:0} MB");
        if (File.Exists(target)) Console.WriteLine($"database file: {new FileInfo(target).Length / 1e6:0} MB");

        Time("dyad by month (KOR:PRK, all time)", () => store.Stats(new EventQuery { Actor = new("KOR", null), Recipient = new("PRK", null) }, Period.Month).Count);
        Time("actor by month (USA, all time)", () => store.Stats(new EventQuery { Actor = new("USA", null) }, Period.Month).Count);
        Time("top 10 dyads of a month", () => store.TopDyads(new EventQuery { From = new DateOnly(2024, 6, 1), To = new DateOnly(2024, 6, 30) }, 10).Count);
        Time("query KOR->PRK ACCUSE, 50 newest", () => store.Query(new EventQuery { Actor = new("KOR", null), Recipient = new("PRK", null), Type = "ACCUSE", Limit = 50 }).Count);
        return 0;
    }

    /// <summary>Runs a summary once cold, then five times; prints the median.</summary>
    private static void Time(string what, Func<int> run)
    {
        var cold = Stopwatch.StartNew();
        int rows = run();
        cold.Stop();
        var warm = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            warm.Add(clock.Elapsed.TotalMilliseconds);
        }
        warm.Sort();
        Console.WriteLine($"{what}: {rows} rows, cold {cold.Elapsed.TotalMilliseconds:0} ms, median {warm[2]:0} ms");
    }
}
