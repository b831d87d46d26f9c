using System.CommandLine;
using System.Diagnostics;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Cli;

/// <summary>`dyad bench`: codes a fixed generated corpus and reports speed and memory.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var megabytes = new Option<int>("--mb") { Description = "Corpus size in MB of text", DefaultValueFactory = _ => 20 };
        var threads = new Option<int>("--threads") { Description = "Articles coded in parallel", DefaultValueFactory = _ => 1 };
        var store = new Option<int>("--store") { Description = "Instead: ingest this many generated articles into a store and time its summaries" };
        var db = new Option<string?>("--db") { Description = "The store for --store (default: a fresh temporary SQLite file)" };
        var command = new Command("bench", "Code a fixed corpus generated from the bundled samples; report MB/s, articles/s and peak memory")
        {
            megabytes, threads, store, db,
        };
        command.SetAction(r => Options.Guard(() => r.GetValue(store) > 0
            ? StoreBench.Run(r.GetValue(store), r.GetValue(db), Math.Max(1, r.GetValue(threads)))
            : Run(r.GetValue(megabytes), Math.Max(1, r.GetValue(threads)))));
        return command;
    }

    private static int Run(int megabytes, int threads)
    {
        var startup = Stopwatch.StartNew();
        var engine = Engine.Build();
        startup.Stop();
        Console.WriteLine($"start-up (dictionaries loaded, pipeline built): {startup.Elapsed.TotalMilliseconds:0} ms");

        // Warm up, then measure.
        foreach (var a in SampleCorpus.Generate(1_000_000)) engine.Process(a);
        long bytes = 0, articles = 0, events = 0;
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Parallel.ForEach(SampleCorpus.Generate(megabytes * 1_000_000L), new ParallelOptions { MaxDegreeOfParallelism = threads }, article =>
        {
            var doc = engine.Process(article);
            Interlocked.Add(ref bytes, System.Text.Encoding.UTF8.GetByteCount(article.Text));
            Interlocked.Increment(ref articles);
            Interlocked.Add(ref events, doc.Events.Count);
        });
        clock.Stop();
        var process = Process.GetCurrentProcess();
        double seconds = clock.Elapsed.TotalSeconds;
        double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"corpus: {bytes / 1e6:0.0} MB, {articles} articles, {events} events, threads {threads}");
        Console.WriteLine($"wall: {seconds:0.00} s  -> {bytes / 1e6 / seconds:0.00} MB/s, {articles / seconds:0} articles/s");
        Console.WriteLine($"cpu:  {cpuSeconds:0.00} s  -> {bytes / 1e6 / cpuSeconds:0.00} MB/s per core, {articles / cpuSeconds:0} articles/s per core");
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1e6:0} MB");
        return 0;
    }

}
