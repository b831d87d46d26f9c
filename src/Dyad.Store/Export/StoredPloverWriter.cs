using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dyad.Store.Export;

/// <summary>PLOVER JSON Lines as `dyad code` writes them, plus the event's cluster and its document's outlet.</summary>
public sealed class StoredPloverWriter(Stream output) : IStoredEventWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Write(StoredEvent stored)
    {
        using (var json = new Utf8JsonWriter(output, Options)) WriteRecord(json, stored);
        output.WriteByte((byte)'\n');
    }

    public static void WriteRecord(Utf8JsonWriter json, StoredEvent stored)
    {
        json.WriteStartObject();
        foreach (var property in stored.Plover.EnumerateObject()) property.WriteTo(json);
        json.WriteNumber("store_id", stored.Id);
        json.WriteStartObject("cluster");
        json.WriteNumber("id", stored.ClusterId);
        json.WriteNumber("num_reports", stored.NumReports);
        json.WriteNumber("num_articles", stored.NumArticles);
        json.WriteNumber("num_sources", stored.NumSources);
        json.WriteEndObject();
        json.WriteString("source", stored.Source);
        json.WriteString("url", stored.Url);
        json.WriteString("title", stored.Title);
        json.WriteEndObject();
    }

    public void Finish() => output.Flush();
}
