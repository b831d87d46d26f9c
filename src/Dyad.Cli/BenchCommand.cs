using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Cli;

/// <summary>`dyad bench`: codes a fixed generated corpus and reports speed and memory.</summary>
internal static partial class BenchCommand
{
    public static Command Create()
    {
        var megabytes = new Option<int>("--mb") { Description = "Corpus size in MB of text", DefaultValueFactory = _ => 20 };
        var threads = new Option<int>("--threads") { Description = "Articles coded in parallel", DefaultValueFactory = _ => 1 };
        var command = new Command("bench", "Code a fixed corpus generated from the bundled samples; report MB/s, articles/s and peak memory")
        {
            megabytes, threads,
        };
        command.SetAction(r => Options.Guard(() => Run(r.GetValue(megabytes), Math.Max(1, r.GetValue(threads)))));
        return command;
    }

    private static int Run(int megabytes, int threads)
    {
        var startup = Stopwatch.StartNew();
        var engine = Engine.Build();
        startup.Stop();
        Console.WriteLine($"start-up (dictionaries loaded, pipeline built): {startup.Elapsed.TotalMilliseconds:0} ms");

        // Warm up, then measure.
        foreach (var a in Corpus(1)) engine.Process(a);
        long bytes = 0, articles = 0, events = 0;
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Parallel.ForEach(Corpus(megabytes), new ParallelOptions { MaxDegreeOfParallelism = threads }, article =>
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

    /// <summary>Articles of 6 to 14 sentences drawn with a fixed seed from the bundled samples, streamed.</summary>
    private static IEnumerable<Article> Corpus(int megabytes)
    {
        var sentences = SampleSentences();
        var random = new Random(20241102);
        long target = megabytes * 1_000_000L;
        long produced = 0;
        for (int i = 0; produced < target; i++)
        {
            int count = random.Next(6, 15);
            var text = string.Join(' ', Enumerable.Range(0, count).Select(_ => sentences[random.Next(sentences.Count)]));
            produced += text.Length;
            yield return new Article($"bench-{i}", text) { Date = new DateOnly(2024, 11, 2).AddDays(-random.Next(0, 365)) };
        }
    }

    private static List<string> SampleSentences()
    {
        using var stream = typeof(BenchCommand).Assembly.GetManifestResourceStream("Dyad.Cli.bench-passages.txt")!;
        using var reader = new StreamReader(stream);
        var prose = string.Join(' ', reader.ReadToEnd().Split('\n').Where(line => !line.StartsWith('#')));
        return [.. SentenceEnd().Split(prose).Select(s => s.Trim()).Where(s => s.Length > 20)];
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""])")]
    private static partial Regex SentenceEnd();
}
