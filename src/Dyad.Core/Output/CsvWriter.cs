using System.Globalization;
using System.Text;

namespace Dyad.Output;

/// <summary>Writes events as CSV (RFC 4180), one row per event, with a header row.</summary>
public sealed class CsvWriter : IEventWriter
{
    private static readonly string[] Header =
    [
        "id", "doc_id", "date", "event", "mode", "cameo", "quad_code", "score", "actor_code", "actor_sector", "actor_text",
        "recipient_code", "recipient_sector", "recipient_text", "reciprocal", "event_text", "place", "country_code", "lat", "lon",
        "reported_by", "dead", "injured", "arrested", "troops", "sentence_start", "sentence_end", "text", "version",
    ];

    private readonly TextWriter _output;

    public CsvWriter(TextWriter output)
    {
        _output = output;
        WriteRow(Header);
    }

    public void Write(EventRecord r)
    {
        var ev = r.Event;
        var inv = CultureInfo.InvariantCulture;
        WriteRow(
        [
            r.Id, r.Document.Article.Id, ev.Date?.ToString("yyyy-MM-dd", inv) ?? "", ev.Type.ToString(), string.Join(';', ev.Modes),
            ev.Cameo, r.Quad.ToString(inv), r.Score.ToString(inv),
            string.Join(';', ev.Actors.Select(a => a.Code)), string.Join(';', ev.Actors.Select(a => a.Sector)), string.Join(';', ev.Actors.Select(a => a.Text)),
            string.Join(';', ev.Recipients.Select(a => a.Code)), string.Join(';', ev.Recipients.Select(a => a.Sector)), string.Join(';', ev.Recipients.Select(a => a.Text)),
            ev.Reciprocal ? "true" : "false", r.TriggerText, ev.Place?.Resolved ?? "", ev.Place?.CountryCode ?? "",
            ev.Place?.Lat?.ToString(inv) ?? "", ev.Place?.Lon?.ToString(inv) ?? "", string.Join(';', ev.ReportedBy),
            ev.Size.Dead?.ToString(inv) ?? "", ev.Size.Injured?.ToString(inv) ?? "", ev.Size.Arrested?.ToString(inv) ?? "", ev.Size.Troops?.ToString(inv) ?? "",
            r.SentenceSpan.Start.ToString(inv), r.SentenceSpan.End.ToString(inv), r.SentenceText, r.Version,
        ]);
    }

    public void Flush() => _output.Flush();

    private void WriteRow(IReadOnlyList<string> fields) => WriteRow(_output, fields, ',');

    /// <summary>Writes one row, quoting fields that hold the separator, quotes or line breaks.</summary>
    public static void WriteRow(TextWriter output, IReadOnlyList<string> fields, char separator)
    {
        var line = new StringBuilder();
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) line.Append(separator);
            string f = fields[i];
            if (f.Contains(separator) || f.AsSpan().IndexOfAny("\"\r\n") >= 0) line.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else line.Append(f);
        }
        output.Write(line.Append("\r\n"));
    }
}
