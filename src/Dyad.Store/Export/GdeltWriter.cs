using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dyad.Store.Export;

/// <summary>
/// A GDELT 2.0-like event table: tab-separated, a header row, one row per actor-recipient pair, GDELT's column names
/// and meanings where Dyad has the value (GoldsteinScale holds the PLOVER score, NumMentions the cluster's reports).
/// </summary>
public sealed class GdeltWriter : IStoredEventWriter
{
    private static readonly string[] Header =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
        "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "ActionGeo_Type", "ActionGeo_FullName",
        "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED", "SOURCEURL", "PloverEvent", "PloverMode",
    ];

    private readonly StreamWriter _output;

    public GdeltWriter(Stream output)
    {
        _output = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        _output.WriteLine(string.Join('\t', Header));
    }

    public void Write(StoredEvent e)
    {
        var p = e.Plover;
        var inv = CultureInfo.InvariantCulture;
        DateOnly? date = p.GetProperty("date").GetString() is { } d ? DateOnly.Parse(d, inv) : null;
        string cameo = StoredCsvWriter.Text(p, "cameo");
        var loc = p.GetProperty("event_loc");
        var actors = Parties(p, "actor");
        var recipients = Parties(p, "recipient");
        if (recipients.Count == 0) recipients.Add(null);
        foreach (var a in actors)
        {
            foreach (var r in recipients)
            {
                string[] row =
                [
                    e.Id.ToString(inv), date?.ToString("yyyyMMdd", inv) ?? "", date?.ToString("yyyyMM", inv) ?? "", date?.Year.ToString(inv) ?? "",
                    date is { } f ? (f.Year + (f.DayOfYear - 1) / 365.0).ToString("0.0000", inv) : "",
                    a?.Code ?? "", a?.Name ?? "", a?.Country ?? "", a?.Sector ?? "",
                    r?.Code ?? "", r?.Name ?? "", r?.Country ?? "", r?.Sector ?? "",
                    "1", cameo, cameo.Length >= 3 ? cameo[..3] : cameo, cameo.Length >= 2 ? cameo[..2] : cameo,
                    p.GetProperty("quad_code").GetRawText(), p.GetProperty("score").GetRawText(),
                    e.NumReports.ToString(inv), e.NumSources.ToString(inv), e.NumArticles.ToString(inv), "",
                    StoredCsvWriter.Text(loc, "resolved_place").Length > 0 ? "4" : "0", StoredCsvWriter.Text(loc, "resolved_place"),
                    StoredCsvWriter.Text(loc, "country_code"), StoredCsvWriter.Number(loc, "lat"), StoredCsvWriter.Number(loc, "lon"),
                    DateTime.UtcNow.ToString("yyyyMMddHHmmss", inv), e.Url ?? e.DocKey, StoredCsvWriter.Text(p, "event"),
                    StoredCsvWriter.Join(p, "mode"),
                ];
                _output.WriteLine(string.Join('\t', row.Select(Clean)));
            }
        }
    }

    public void Finish() => _output.Flush();

    private sealed record Party(string Code, string Name, string Country, string Sector);

    private static List<Party?> Parties(JsonElement p, string role) =>
    [
        .. p.GetProperty(role).EnumerateArray().Select(a =>
        {
            string country = StoredCsvWriter.Text(a, "code"), sector = StoredCsvWriter.Text(a, "sector");
            return (Party?)new Party(country + sector, StoredCsvWriter.Text(a, "entity_text").ToUpperInvariant(), country, sector);
        }),
    ];

    private static string Clean(string field) => field.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
