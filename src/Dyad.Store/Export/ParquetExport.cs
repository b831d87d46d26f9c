using Parquet.Serialization;

namespace Dyad.Store.Export;

/// <summary>Apache Parquet, one row per event with the CSV export's main columns; written when the export finishes.</summary>
public sealed class ParquetExport(Stream output) : IStoredEventWriter
{
    private readonly List<Row> _rows = [];

    public void Write(StoredEvent e)
    {
        var p = e.Plover;
        var loc = p.GetProperty("event_loc");
        _rows.Add(new Row
        {
            StoreId = e.Id,
            Id = StoredCsvWriter.Text(p, "id"),
            ClusterId = e.ClusterId,
            NumReports = e.NumReports,
            NumArticles = e.NumArticles,
            NumSources = e.NumSources,
            DocId = StoredCsvWriter.Text(p, "doc_id"),
            Source = e.Source,
            Url = e.Url,
            Date = e.Date is { } d ? DateTime.Parse(d, System.Globalization.CultureInfo.InvariantCulture) : null,
            Event = e.Type,
            Mode = StoredCsvWriter.Join(p, "mode"),
            Cameo = StoredCsvWriter.Text(p, "cameo"),
            QuadCode = p.GetProperty("quad_code").GetInt32(),
            Score = e.Score,
            ActorCode = StoredCsvWriter.Join(p, "actor", "code"),
            ActorSector = StoredCsvWriter.Join(p, "actor", "sector"),
            RecipientCode = StoredCsvWriter.Join(p, "recipient", "code"),
            RecipientSector = StoredCsvWriter.Join(p, "recipient", "sector"),
            Place = e.Place,
            CountryCode = StoredCsvWriter.Text(loc, "country_code"),
            Lat = loc.GetProperty("lat").ValueKind == System.Text.Json.JsonValueKind.Number ? loc.GetProperty("lat").GetDouble() : null,
            Lon = loc.GetProperty("lon").ValueKind == System.Text.Json.JsonValueKind.Number ? loc.GetProperty("lon").GetDouble() : null,
            Text = e.Sentence,
        });
    }

    public void Finish()
    {
        ParquetSerializer.SerializeAsync(_rows, output).GetAwaiter().GetResult();
        output.Flush();
    }

    public sealed class Row
    {
        public long StoreId { get; set; }
        public string Id { get; set; } = "";
        public long ClusterId { get; set; }
        public int NumReports { get; set; }
        public int NumArticles { get; set; }
        public int NumSources { get; set; }
        public string DocId { get; set; } = "";
        public string Source { get; set; } = "";
        public string? Url { get; set; }
        public DateTime? Date { get; set; }
        public string Event { get; set; } = "";
        public string Mode { get; set; } = "";
        public string Cameo { get; set; } = "";
        public int QuadCode { get; set; }
        public double Score { get; set; }
        public string ActorCode { get; set; } = "";
        public string ActorSector { get; set; } = "";
        public string RecipientCode { get; set; } = "";
        public string RecipientSector { get; set; } = "";
        public string? Place { get; set; }
        public string CountryCode { get; set; } = "";
        public double? Lat { get; set; }
        public double? Lon { get; set; }
        public string Text { get; set; } = "";
    }
}
