using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Output;

namespace Dyad.Store.Export;

/// <summary>CSV (RFC 4180, header row, UTF-8) of stored events: one row per event, parties joined with ';'.</summary>
public sealed class StoredCsvWriter : IStoredEventWriter
{
    private static readonly string[] Header =
    [
        "store_id", "id", "cluster_id", "num_reports", "num_articles", "num_sources", "doc_id", "source", "url", "date", "event", "mode",
        "cameo", "quad_code", "score", "actor_code", "actor_sector", "actor_text", "recipient_code", "recipient_sector", "recipient_text",
        "place", "country_code", "lat", "lon", "reported_by", "event_text", "text",
    ];

    private readonly StreamWriter _output;

    public StoredCsvWriter(Stream output)
    {
        _output = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        CsvWriter.WriteRow(_output, Header, ',');
    }

    public void Write(StoredEvent e)
    {
        var p = e.Plover;
        var loc = p.GetProperty("event_loc");
        var inv = CultureInfo.InvariantCulture;
        CsvWriter.WriteRow(_output,
        [
            e.Id.ToString(inv), Text(p, "id"), e.ClusterId.ToString(inv), e.NumReports.ToString(inv), e.NumArticles.ToString(inv),
            e.NumSources.ToString(inv), Text(p, "doc_id"), e.Source, e.Url ?? "", Text(p, "date"), Text(p, "event"), Join(p, "mode"),
            Text(p, "cameo"), p.GetProperty("quad_code").GetRawText(), p.GetProperty("score").GetRawText(),
            Join(p, "actor", "code"), Join(p, "actor", "sector"), Join(p, "actor", "entity_text"),
            Join(p, "recipient", "code"), Join(p, "recipient", "sector"), Join(p, "recipient", "entity_text"),
            Text(loc, "resolved_place"), Text(loc, "country_code"), Number(loc, "lat"), Number(loc, "lon"), Join(p, "reported_by"),
            Text(p, "event_text"), Text(p, "text"),
        ], ',');
    }

    public void Finish() => _output.Flush();

    internal static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    internal static string Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : "";

    internal static string Join(JsonElement e, string name, string? field = null) =>
        string.Join(';', e.GetProperty(name).EnumerateArray().Select(v => field is null ? v.GetString() : Text(v, field)));
}
