using System.Diagnostics;
using Dyad.Documents;
using Dyad.Input;
using Dyad.Output;
using Dyad.Pipeline;

namespace Dyad.Store;

public sealed record IngestOptions
{
    public int BatchSize { get; init; } = 64;
    public int Threads { get; init; } = 1;
    /// <summary>Reports of the same type and dyad at most this many days apart join one event cluster.</summary>
    public int WindowDays { get; init; } = 1;
    public bool IncludeNegated { get; init; }
}

/// <summary>Running totals of an ingest.</summary>
public sealed class IngestTotals
{
    public int Read { get; internal set; }
    public int Stored { get; internal set; }
    public int Replaced { get; internal set; }
    public int Unchanged { get; internal set; }
    public int Duplicates { get; internal set; }
    public int Failed { get; internal set; }
    /// <summary>Left out on purpose, such as articles not in English.</summary>
    public int Skipped { get; internal set; }
    public int Events { get; internal set; }
    public int Merged { get; internal set; }
    public TimeSpan Elapsed { get; internal set; }
    /// <summary>Wall time spent coding and spent writing to the store.</summary>
    public TimeSpan Coding { get; internal set; }
    public TimeSpan Storing { get; internal set; }
}

/// <summary>Codes articles and stores them batch by batch; documents already stored are not coded again.</summary>
public sealed class Ingestor(Engine engine, EventStore store, IngestOptions options)
{
    /// <summary>Called with every input problem (a per-document message).</summary>
    public Action<InputProblem>? OnProblem { get; init; }
    /// <summary>Codes and stores the items; <paramref name="onBatch"/> is called after every committed batch.</summary>
    public IngestTotals Run(IEnumerable<InputItem> items, Action<IngestTotals>? onBatch = null)
    {
        var totals = new IngestTotals();
        var clock = Stopwatch.StartNew();
        var batch = new List<Article>(options.BatchSize);
        foreach (var item in items)
        {
            if (item.Problem is { } problem)
            {
                OnProblem?.Invoke(problem);
                if (problem.Severity == Severity.Error) totals.Failed++;
                else if (problem.Severity == Severity.Skipped) totals.Skipped++;
                continue;
            }
            batch.Add(item.Article!);
            totals.Read++;
            if (batch.Count == options.BatchSize) Flush(batch, totals, clock, onBatch);
        }
        Flush(batch, totals, clock, onBatch);
        return totals;
    }

    /// <summary>Codes and stores articles given directly (the HTTP API); with <paramref name="recode"/> unchanged ones are re-coded.</summary>
    public BatchResult Store(IReadOnlyList<Article> articles, bool recode = false) =>
        store.Store(Code(articles, new IngestTotals()), options.WindowDays, recode);

    private void Flush(List<Article> batch, IngestTotals totals, Stopwatch clock, Action<IngestTotals>? onBatch)
    {
        if (batch.Count == 0) return;
        var known = store.KnownHashes(batch.Select(CodedDocument.HashOf).ToList());
        var fresh = new List<Article>(batch.Count);
        foreach (var article in batch)
        {
            if (!known.TryGetValue(CodedDocument.HashOf(article), out var key)) fresh.Add(article);
            else if (key == CodedDocument.KeyOf(article)) totals.Unchanged++;
            else totals.Duplicates++;
        }
        long start = Stopwatch.GetTimestamp();
        var coded = Code(fresh, totals);
        long middle = Stopwatch.GetTimestamp();
        var result = store.Store(coded, options.WindowDays);
        totals.Coding += Stopwatch.GetElapsedTime(start, middle);
        totals.Storing += Stopwatch.GetElapsedTime(middle);
        totals.Stored += result.Stored;
        totals.Replaced += result.Replaced;
        totals.Unchanged += result.Unchanged;
        totals.Duplicates += result.Duplicates;
        totals.Events += result.Events;
        totals.Merged += result.Merged;
        totals.Elapsed = clock.Elapsed;
        batch.Clear();
        onBatch?.Invoke(totals);
    }

    private List<CodedDocument> Code(IReadOnlyList<Article> articles, IngestTotals totals)
    {
        string version = engine.Version;
        var coded = new CodedDocument?[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, i =>
        {
            try
            {
                var doc = engine.Process(articles[i]);
                coded[i] = new CodedDocument(articles[i], EventRecord.From(doc, engine, options.IncludeNegated).ToList(), version);
            }
            catch (DyadException e)
            {
                OnProblem?.Invoke(new InputProblem(articles[i].Origin, e.Code, e.Detail));
            }
        });
        totals.Failed += coded.Count(c => c is null);
        return [.. coded.OfType<CodedDocument>()];
    }
}
