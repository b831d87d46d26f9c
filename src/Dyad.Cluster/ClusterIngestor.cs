using System.Diagnostics;
using Dyad.Input;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Dyad.Cluster;

public sealed record ClusterIngestOptions
{
    public int BatchSize { get; init; } = 64;
    /// <summary>Batches sent and not yet answered; reading waits when this many are out (back-pressure).</summary>
    public int InFlight { get; init; } = 8;
    /// <summary>Tries per batch before the ingest gives up.</summary>
    public int Attempts { get; init; } = 8;
    public BatchOptions Batch { get; init; } = new(1, false);
}

/// <summary>Running totals of a cluster ingest, as the client sees them.</summary>
public sealed record ClusterProgress(BatchTotals Totals, int Batches, int Retries, TimeSpan Elapsed, IReadOnlyDictionary<string, int> BatchesBySilo);

/// <summary>
/// The client side of a cluster ingest: cuts the input into batches and sends each to a coding grain, with a bounded
/// number in flight. A batch whose call fails (its silo died, the store went away) is sent again, to another grain; the
/// store's per-batch transaction and its dedup by key and content make a repeated batch harmless. Orleans lets a call to a
/// killed silo wait for its response timeout, so the client also watches the membership table: when a silo is declared
/// dead, every batch sent before is sent again (one that had in fact been stored is then skipped as already stored).
/// </summary>
public sealed class ClusterIngestor(IClusterClient client, Store.StoreLocation db, ClusterIngestOptions options)
{
    /// <summary>How often the membership table is read for dead silos.</summary>
    public TimeSpan WatchPeriod { get; init; } = TimeSpan.FromSeconds(2);

    public Action<InputProblem>? OnProblem { get; init; }
    /// <summary>Called with every retried batch's error.</summary>
    public Action<string>? OnRetry { get; init; }

    /// <summary>Connects to the cluster listed in <paramref name="db"/>.</summary>
    public static async Task<IHost> Connect(Store.StoreLocation db, CancellationToken cancel = default)
    {
        var builder = Host.CreateApplicationBuilder([]);
        Silo.Quiet(builder.Logging);
        builder.UseOrleansClient(c => c
            .Configure<ClusterOptions>(o => { o.ClusterId = ClusterDatabase.ClusterId; o.ServiceId = ClusterDatabase.ClusterId; })
            .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5))
            // A batch may wait behind others on a busy silo; a dead silo's calls fail sooner, when its connection drops.
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(3))
            .UseAdoNetClustering(o => { o.Invariant = ClusterDatabase.Invariant; o.ConnectionString = db.ConnectionString; }));
        var host = builder.Build();
        await host.StartAsync(cancel);
        return host;
    }

    public static IClusterClient Client(IHost host) => host.Services.GetRequiredService<IClusterClient>();

    public async Task<ClusterProgress> Run(IEnumerable<InputItem> items, Action<ClusterProgress>? onBatch = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var gate = new SemaphoreSlim(options.InFlight);
        var pending = new List<Task>();
        var lockObject = new object();
        var totals = BatchTotals.Zero;
        int batches = 0, retries = 0, failedInput = 0;
        var bySilo = new Dictionary<string, int>();
        long key = 0;
        var lost = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            var active = new HashSet<(string, int)>();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var now = ClusterDatabase.Silos(db).Where(s => s.Status == 3).Select(s => (s.Silo, s.Generation)).ToHashSet();
                    if (active.Except(now).Any()) Interlocked.Exchange(ref lost, new TaskCompletionSource()).TrySetResult();
                    active = now;
                    await Task.Delay(WatchPeriod, stop.Token);
                }
                catch (OperationCanceledException) { }
                catch (Npgsql.NpgsqlException) { }
            }
        });

        async Task Send(List<ArticleData> batch)
        {
            try
            {
                for (int attempt = 1; ; attempt++)
                {
                    // Another key on each try: a new grain id lands in another gateway bucket, likely on another silo.
                    var grain = client.GetGrain<ICodingGrain>(Interlocked.Increment(ref key) % (4 * options.InFlight + 1) + attempt * 1000);
                    try
                    {
                        var silosLost = Volatile.Read(ref lost).Task;
                        var call = grain.Ingest(batch, options.Batch);
                        if (await Task.WhenAny(call, silosLost) != call)
                        {
                            _ = call.ContinueWith(t => t.Exception, TaskScheduler.Default);
                            throw new SiloUnavailableException("a silo died while the batch was out");
                        }
                        var result = await call;
                        ClusterProgress progress;
                        lock (lockObject)
                        {
                            totals = totals.Add(result);
                            batches++;
                            bySilo[result.Silo] = bySilo.GetValueOrDefault(result.Silo) + 1;
                            progress = new ClusterProgress(totals, batches, retries, clock.Elapsed, new Dictionary<string, int>(bySilo));
                        }
                        onBatch?.Invoke(progress);
                        return;
                    }
                    catch (Exception e) when (attempt < options.Attempts && !cancel.IsCancellationRequested)
                    {
                        lock (lockObject) retries++;
                        OnRetry?.Invoke($"batch of {batch.Count} from {batch[0].Origin}: {e.GetType().Name}: {FirstLine(e.Message)}; try {attempt + 1} of {options.Attempts}");
                        await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, attempt)), cancel);
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }

        var batch = new List<ArticleData>(options.BatchSize);
        foreach (var item in items)
        {
            if (item.Problem is { } problem)
            {
                OnProblem?.Invoke(problem);
                if (problem.Severity == Severity.Error) failedInput++;
                continue;
            }
            batch.Add(ArticleData.From(item.Article!));
            if (batch.Count < options.BatchSize) continue;
            await gate.WaitAsync(cancel);
            pending.Add(Send(batch));
            pending.RemoveAll(t => t.IsCompletedSuccessfully);
            batch = new List<ArticleData>(options.BatchSize);
        }
        if (batch.Count > 0)
        {
            await gate.WaitAsync(cancel);
            pending.Add(Send(batch));
        }
        try
        {
            await Task.WhenAll(pending);
        }
        finally
        {
            stop.Cancel();
            await watch;
        }
        return new ClusterProgress(totals with { Failed = totals.Failed + failedInput }, batches, retries, clock.Elapsed, bySilo);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
