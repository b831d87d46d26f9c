using System.CommandLine;
using System.Text;
using Dyad.Documents;
using Dyad.Input;
using Dyad.Output;
using Dyad.Pipeline;

namespace Dyad.Cli;

/// <summary>`dyad code`: turns articles into event records.</summary>
internal static class CodeCommand
{
    private const int BatchSize = 64;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Text files, saved web pages, PDFs (one article each), RSS/Atom feeds (one per item), JSON Lines files (one per line), folders, or - for standard input",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var date = Options.Date();
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "plover" };
        format.AcceptOnlyFromAmong("plover", "csv", "table");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var threads = new Option<int>("--threads") { Description = "Articles coded in parallel (1: single-threaded)", DefaultValueFactory = _ => 1 };
        var strict = new Option<bool>("--strict") { Description = "Exit non-zero on any input error, not only when nothing could be coded" };
        var negated = new Option<bool>("--negated") { Description = "Also emit negated events, marked \"negated\": true" };
        var maxSize = new Option<double>("--max-size") { Description = "Largest article in MB", DefaultValueFactory = _ => 10 };
        var actors = Options.ActorFiles();
        var triggers = Options.TriggerFiles();
        var command = new Command("code", "Code articles into PLOVER events")
        {
            paths, date, format, output, threads, strict, negated, maxSize, actors, triggers,
        };
        command.SetAction(r => Options.Guard(() => Run(
            r.GetValue(paths) is { Length: > 0 } p ? p : ["-"],
            Options.ParseDate(r.GetValue(date), "--date"),
            r.GetValue(format)!, r.GetValue(output), Math.Max(1, r.GetValue(threads)), r.GetValue(strict), r.GetValue(negated),
            (long)(r.GetValue(maxSize) * 1_000_000), r.GetValue(actors), r.GetValue(triggers))));
        return command;
    }

    private static int Run(string[] paths, DateOnly? date, string format, string? outPath, int threads, bool strict, bool negated,
        long maxBytes, string[]? actorFiles, string[]? triggerFiles)
    {
        var engine = Options.BuildEngine(actorFiles, triggerFiles);
        var reader = new ArticleReader(new ArticleReaderOptions { Date = date, MaxArticleBytes = maxBytes });
        using var stream = outPath is null ? Console.OpenStandardOutput() : File.Create(outPath);
        using var text = new StreamWriter(stream, new UTF8Encoding(false));
        IEventWriter writer = format switch
        {
            "csv" => new CsvWriter(text),
            "table" => new TableWriter(),
            _ => new PloverWriter(stream),
        };
        int coded = 0, skipped = 0, errors = 0, events = 0;
        var batch = new List<Article>(BatchSize);
        void Flush()
        {
            var results = new (Document? Doc, string? Error)[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                try
                {
                    results[i] = (engine.Process(batch[i]), null);
                }
                catch (DyadException e)
                {
                    results[i] = (null, $"error {e.Code}: {batch[i].Origin}: {e.Detail}");
                }
            });
            foreach (var (doc, error) in results)
            {
                if (doc is null)
                {
                    Console.Error.WriteLine(error);
                    errors++;
                    continue;
                }
                coded++;
                foreach (var record in EventRecord.From(doc, engine, negated))
                {
                    writer.Write(record);
                    events++;
                }
            }
            batch.Clear();
        }
        foreach (var item in reader.Read(paths))
        {
            if (item.Problem is { } problem)
            {
                Console.Error.WriteLine(problem);
                if (problem.Severity == Severity.Error) errors++;
                if (problem.Severity == Severity.Skipped) skipped++;
                continue;
            }
            batch.Add(item.Article!);
            if (batch.Count == BatchSize) Flush();
        }
        Flush();
        writer.Flush();
        text.Flush();
        Console.Error.WriteLine($"coded {coded} article(s), {events} event(s), {skipped} skipped, {errors} error(s)");
        return coded == 0 || (strict && errors > 0) ? 1 : 0;
    }
}
