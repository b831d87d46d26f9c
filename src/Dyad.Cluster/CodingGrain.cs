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
    public async Task<BatchTotals> Ingest(IReadOnlyList<ArticleData> batch, BatchOptions options)
    {
        try
        {
            return await Task.Run(() => coder.Ingest(batch, options));
        }
        catch (DyadException e)
        {
            throw new BatchFailedException(e.Message);
        }
    }
}

/// <summary>A store error on a silo, carried back to the client (Dyad's own exception has no Orleans codec).</summary>
[GenerateSerializer]
public sealed class BatchFailedException(string message) : Exception(message);
