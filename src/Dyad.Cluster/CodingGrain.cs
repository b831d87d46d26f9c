using Dyad.Input;
using Dyad.Pipeline;
using Dyad.Store;
using Orleans.Concurrency;

namespace Dyad.Cluster;

/// <summary>Codes a batch of articles and stores it in the cluster's store, in one transaction.</summary>
public interface ICodingGrain : IGrainWithIntegerKey
{
    Task<BatchTotals> Ingest(IReadOnlyList<ArticleData> batch, BatchOptions options);
}

/// <summary>What a silo builds once and shares between its coding grains: the engine and the store.</summary>
public sealed class SiloCoder(Engine engine, EventStore store, string silo)
{
    public BatchTotals Ingest(IReadOnlyList<ArticleData> batch, BatchOptions options)
    {
        var ingestor = new Ingestor(engine, store, new IngestOptions
        {
            BatchSize = Math.Max(1, batch.Count),
            WindowDays = options.WindowDays,
            IncludeNegated = options.IncludeNegated,
        });
        var totals = ingestor.Run(batch.Select(a => new InputItem(a.ToArticle(), null)));
        return BatchTotals.From(totals, silo);
    }
}

/// <summary>A stateless worker: activated on the silo whose gateway received the call, as many as it has cores.</summary>
[StatelessWorker]
internal sealed class CodingGrain(SiloCoder coder) : Grain, ICodingGrain
{
    public Task<BatchTotals> Ingest(IReadOnlyList<ArticleData> batch, BatchOptions options) =>
        Task.Run(() => coder.Ingest(batch, options));
}
