using System.CommandLine;
using Dyad.Cluster;
using Dyad.Input;
using Dyad.Store;
using Spectre.Console;

namespace Dyad.Cli;

/// <summary>`dyad ingest`: codes articles and stores them with their events, batch by batch.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var paths = new Argument<string[]>("paths")
        {
            Description = "Text files, JSON Lines files, folders, or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var date = Options.Date();
        var threads = new Option<int>("--threads") { Description = "Articles coded in parallel", DefaultValueFactory = _ => 1 };
        var window = new Option<int>("--merge-window") { Description = "Reports of one type and dyad at most this many days apart are one event", DefaultValueFactory = _ => 1 };
        var batch = new Option<int>("--batch") { Description = "Documents per transaction", DefaultValueFactory = _ => 64 };
        var maxSize = new Option<double>("--max-size") { Description = "Largest article in MB", DefaultValueFactory = _ => 10 };
        var cluster = new Option<string?>("--cluster")
        {
            Description = "Code on the silos of a Dyad cluster and store into its PostgreSQL database (postgres://...) instead of here",
        };
        var inFlight = new Option<int>("--in-flight") { Description = "With --cluster: batches sent and not yet answered", DefaultValueFactory = _ => 8 };
        var command = new Command("ingest", "Code articles and store them with their events (SQLite by default, or PostgreSQL)")
        {
            paths, store.Db, date, threads, window, batch, maxSize, cluster, inFlight, Options.ActorFiles(), Options.TriggerFiles(),
        };
        command.SetAction(r => Options.Guard(() =>
        {
            if (r.GetValue(cluster) is { } db)
            {
                var items = new ArticleReader(new ArticleReaderOptions
                {
                    Date = Options.ParseDate(r.GetValue(date), "--date"),
                    MaxArticleBytes = (long)(r.GetValue(maxSize) * 1_000_000),
                }).Read(r.GetValue(paths)!);
                return RunOnCluster(db, items, new ClusterIngestOptions
                {
                    BatchSize = Math.Clamp(r.GetValue(batch), 1, 10_000),
                    InFlight = Math.Clamp(r.GetValue(inFlight), 1, 1000),
                    Batch = new BatchOptions(Math.Max(0, r.GetValue(window)), false),
                });
            }
            var engine = Options.BuildEngine(r.GetValue<string[]>("--actors"), r.GetValue<string[]>("--triggers"));
            var target = store.Open(r);
            var reader = new ArticleReader(new ArticleReaderOptions
            {
                Date = Options.ParseDate(r.GetValue(date), "--date"),
                MaxArticleBytes = (long)(r.GetValue(maxSize) * 1_000_000),
            });
            var options = new IngestOptions
            {
                Threads = Math.Max(1, r.GetValue(threads)),
                WindowDays = Math.Max(0, r.GetValue(window)),
                BatchSize = Math.Clamp(r.GetValue(batch), 1, 10_000),
            };
            Console.Error.WriteLine($"ingesting into {target.Location.Display}");
            var totals = Run(new Ingestor(engine, target, options) { OnProblem = p => Console.Error.WriteLine(p) }, reader.Read(r.GetValue(paths)!));
            Console.WriteLine($"stored {totals.Stored} new and {totals.Replaced} changed document(s); skipped {totals.Unchanged} already stored, "
                + $"{totals.Duplicates} duplicate(s) of stored content, {totals.Skipped} not English, {totals.Failed} failed; {totals.Events} event(s), "
                + $"{totals.Merged} merged into an existing event; {totals.Elapsed.TotalSeconds:0.0} s");
            return totals.Failed > 0 && totals.Stored + totals.Replaced + totals.Unchanged + totals.Duplicates == 0 ? 1 : 0;
        }));
        return command;
    }

    /// <summary>Sends the batches to the cluster's silos; progress and retries go to standard error.</summary>
    private static int RunOnCluster(string db, IEnumerable<InputItem> items, ClusterIngestOptions options)
    {
        var location = ClusterDatabase.Locate(db, "--cluster");
        Console.Error.WriteLine($"ingesting on the cluster of {location.Display}");
        using var host = ClusterIngestor.Connect(location).GetAwaiter().GetResult();
        var last = TimeSpan.Zero;
        var ingestor = new ClusterIngestor(ClusterIngestor.Client(host), location, options)
        {
            OnProblem = p => Console.Error.WriteLine(p),
            OnRetry = m => Console.Error.WriteLine($"retry: {m}"),
        };
        var result = ingestor.Run(items, p =>
        {
            lock (ingestor)
            {
                if (p.Elapsed - last < TimeSpan.FromSeconds(2)) return;
                last = p.Elapsed;
            }
            var t = p.Totals;
            Console.Error.WriteLine($"progress: {t.Read} read, {t.Stored + t.Replaced} stored, {t.Unchanged + t.Duplicates} skipped, {t.Events} events, "
                + $"{t.Read / Math.Max(0.001, p.Elapsed.TotalSeconds):0} docs/s; batches by silo: {string.Join(", ", p.BatchesBySilo.Select(s => $"{s.Key} {s.Value}"))}");
        }).GetAwaiter().GetResult();
        host.StopAsync().GetAwaiter().GetResult();
        var totals = result.Totals;
        Console.WriteLine($"stored {totals.Stored} new and {totals.Replaced} changed document(s); skipped {totals.Unchanged} already stored, "
            + $"{totals.Duplicates} duplicate(s) of stored content, {totals.Failed} failed; {totals.Events} event(s), "
            + $"{totals.Merged} merged into an existing event; {result.Batches} batch(es) on {result.BatchesBySilo.Count} silo(s), "
            + $"{result.Retries} retried; {result.Elapsed.TotalSeconds:0.0} s");
        return totals.Failed > 0 && totals.Stored + totals.Replaced + totals.Unchanged + totals.Duplicates == 0 ? 1 : 0;
    }

    /// <summary>Runs with a progress bar on a terminal, plain progress lines every few seconds otherwise.</summary>
    private static IngestTotals Run(Ingestor ingestor, IEnumerable<InputItem> items)
    {
        static string Line(IngestTotals t) =>
            $"{t.Read} read, {t.Stored + t.Replaced} stored, {t.Unchanged + t.Duplicates} skipped, {t.Events} events, {t.Read / Math.Max(0.001, t.Elapsed.TotalSeconds):0} docs/s";
        if (Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var last = TimeSpan.Zero;
            return ingestor.Run(items, t =>
            {
                if (t.Elapsed - last < TimeSpan.FromSeconds(5)) return;
                last = t.Elapsed;
                Console.Error.WriteLine($"progress: {Line(t)}");
            });
        }
        IngestTotals result = null!;
        AnsiConsole.Progress().AutoClear(true).Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting").IsIndeterminate();
                result = ingestor.Run(items, t => task.Description = Markup.Escape(Line(t)));
            });
        return result;
    }
}
