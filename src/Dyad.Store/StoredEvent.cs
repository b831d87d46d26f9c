using System.Text.Json;

namespace Dyad.Store;

/// <summary>An event read back from the store: its PLOVER record, its cluster and its document.</summary>
public sealed record StoredEvent(long Id, long ClusterId, int NumReports, int NumArticles, int NumSources,
    long DocumentId, string DocKey, string? Url, string Source, string? Title, string Record)
{
    private JsonElement? _plover;

    /// <summary>The output-contract record (docs/output-format.md) as stored.</summary>
    public JsonElement Plover => _plover ??= JsonDocument.Parse(Record).RootElement;

    public string? Date => Plover.GetProperty("date").GetString();
    public string Type => Plover.GetProperty("event").GetString()!;
    public double Score => Plover.GetProperty("score").GetDouble();
    public string Sentence => Plover.GetProperty("text").GetString()!;
    public string EventText => Plover.GetProperty("event_text").GetString()!;
    public string Actor => Codes("actor");
    public string Recipient => Codes("recipient");
    public string? Place => Plover.GetProperty("event_loc").GetProperty("resolved_place").GetString();

    /// <summary>"KOR:GOV;CAN" for the entities of a role.</summary>
    public string Codes(string role) => string.Join(';', Plover.GetProperty(role).EnumerateArray().Select(a =>
        a.GetProperty("sector").GetString() is { Length: > 0 } sector ? $"{a.GetProperty("code").GetString()}:{sector}" : a.GetProperty("code").GetString()));
}

public sealed record StoredDocument(long Id, string Key, string? Url, string? Title, string Source, DateOnly? Date, string Text, string Version);

public sealed record PeriodStats(string Period, int Events, int Reports, double MeanScore, int Cooperation, int Conflict);

public sealed record DyadCount(string Actor, string Recipient, int Events, int Reports, double MeanScore);

public sealed record StoreCounts(long Documents, long Reports, long Clusters);

/// <summary>What storing one batch did.</summary>
public sealed record BatchResult(int Stored, int Replaced, int Unchanged, int Duplicates, int Events, int Merged);
