using Dyad.Documents;
using Dyad.Store;

namespace Dyad.Cluster;

/// <summary>An article as it travels from the client to a silo.</summary>
[GenerateSerializer, Immutable]
public sealed record ArticleData(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] DateOnly? Date,
    [property: Id(3)] string? Url,
    [property: Id(4)] string? Title,
    [property: Id(5)] string? Source,
    [property: Id(6)] string Origin)
{
    public static ArticleData From(Article a) => new(a.Id, a.Text, a.Date, a.Url, a.Title, a.Source, a.Origin);

    public Article ToArticle() => new(Id, Text) { Date = Date, Url = Url, Title = Title, Source = Source, Origin = Origin };
}

/// <summary>What to do with a batch: the ingest options that matter on the silo.</summary>
[GenerateSerializer, Immutable]
public sealed record BatchOptions([property: Id(0)] int WindowDays, [property: Id(1)] bool IncludeNegated);

/// <summary>The outcome of one batch, or the running sum of many.</summary>
[GenerateSerializer, Immutable]
public sealed record BatchTotals(
    [property: Id(0)] int Read,
    [property: Id(1)] int Stored,
    [property: Id(2)] int Replaced,
    [property: Id(3)] int Unchanged,
    [property: Id(4)] int Duplicates,
    [property: Id(5)] int Failed,
    [property: Id(6)] int Events,
    [property: Id(7)] int Merged,
    [property: Id(8)] string Silo)
{
    public static readonly BatchTotals Zero = new(0, 0, 0, 0, 0, 0, 0, 0, "");

    public static BatchTotals From(IngestTotals t, string silo) =>
        new(t.Read, t.Stored, t.Replaced, t.Unchanged, t.Duplicates, t.Failed, t.Events, t.Merged, silo);

    public BatchTotals Add(BatchTotals b) => new(Read + b.Read, Stored + b.Stored, Replaced + b.Replaced, Unchanged + b.Unchanged,
        Duplicates + b.Duplicates, Failed + b.Failed, Events + b.Events, Merged + b.Merged, Silo);
}
