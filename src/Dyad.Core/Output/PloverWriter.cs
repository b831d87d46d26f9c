using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Documents;

namespace Dyad.Output;

/// <summary>Writes events as PLOVER JSON Lines, one event per line.</summary>
public sealed class PloverWriter(Stream output) : IEventWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public void Write(EventRecord record)
    {
        using (var json = new Utf8JsonWriter(output, Options))
            WriteRecord(json, record);
        output.Write(NewLine);
    }

    public void Flush() => output.Flush();

    public static void WriteRecord(Utf8JsonWriter json, EventRecord r)
    {
        var ev = r.Event;
        var doc = r.Document;
        json.WriteStartObject();
        json.WriteString("id", r.Id);
        json.WriteString("doc_id", doc.Article.Id);
        if (ev.Date is DateOnly d) json.WriteString("date", d.ToString("yyyy-MM-dd")); else json.WriteNull("date");
        json.WriteString("event", ev.Type.ToString());
        WriteList(json, "mode", ev.Modes);
        WriteList(json, "context", ev.Contexts);
        json.WriteString("cameo", ev.Cameo);
        json.WriteNumber("quad_code", r.Quad);
        json.WriteNumber("score", r.Score);
        WriteEntities(json, "actor", ev.Actors);
        WriteEntities(json, "recipient", ev.Recipients);
        json.WriteBoolean("reciprocal", ev.Reciprocal);
        json.WriteString("event_text", r.TriggerText);
        json.WriteString("text", r.SentenceText);
        json.WriteStartObject("text_info");
        var sentence = r.SentenceSpan;
        json.WriteNumber("start", sentence.Start);
        json.WriteNumber("end", sentence.End);
        WriteSpan(json, "event_text", doc.ToOriginal(ev.Trigger));
        json.WriteStartArray("actor");
        foreach (var a in ev.Actors) WriteActorSpan(json, doc, a);
        json.WriteEndArray();
        json.WriteStartArray("recipient");
        foreach (var a in ev.Recipients) WriteActorSpan(json, doc, a);
        json.WriteEndArray();
        if (!ev.DateSpan.IsEmpty) WriteSpan(json, "date", doc.ToOriginal(ev.DateSpan)); else json.WriteNull("date");
        if (ev.Place is { Span.IsEmpty: false } p) WriteSpan(json, "place", doc.ToOriginal(p.Span)); else json.WriteNull("place");
        json.WriteStartArray("more_sentences");
        foreach (int s in ev.MoreSentences)
        {
            var span = doc.ToOriginal(doc.Sentences[s].Span);
            WriteSpan(json, null, span);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("event_loc");
        if (ev.Place is { } place)
        {
            json.WriteString("extracted_place", place.Extracted);
            json.WriteString("resolved_place", place.Resolved);
            json.WriteString("country_code", place.CountryCode);
            if (place.Lat is double lat) json.WriteNumber("lat", lat); else json.WriteNull("lat");
            if (place.Lon is double lon) json.WriteNumber("lon", lon); else json.WriteNull("lon");
        }
        else
        {
            foreach (var name in new[] { "extracted_place", "resolved_place", "country_code", "lat", "lon" }) json.WriteNull(name);
        }
        json.WriteEndObject();
        WriteList(json, "reported_by", ev.ReportedBy);
        json.WriteBoolean("negated", ev.Negated);
        json.WriteString("modality", ev.Modality);
        json.WriteStartObject("size");
        WriteCount(json, "dead", ev.Size.Dead);
        WriteCount(json, "injured", ev.Size.Injured);
        WriteCount(json, "arrested", ev.Size.Arrested);
        WriteCount(json, "troops", ev.Size.Troops);
        json.WriteEndObject();
        json.WriteString("version", r.Version);
        json.WriteEndObject();
    }

    /// <summary>An implied actor (a protest's target state) has no words in the text: its span is null.</summary>
    private static void WriteActorSpan(Utf8JsonWriter json, Document doc, Actor a)
    {
        if (a.End > a.Start) WriteSpan(json, null, doc.ToOriginal(doc.TokenSpan(a.Start, a.End)));
        else json.WriteNullValue();
    }

    private static void WriteCount(Utf8JsonWriter json, string name, int? value)
    {
        if (value is int v) json.WriteNumber(name, v); else json.WriteNull(name);
    }

    private static void WriteList(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }

    private static void WriteSpan(Utf8JsonWriter json, string? name, TextSpan span)
    {
        if (name is null) json.WriteStartObject(); else json.WriteStartObject(name);
        json.WriteNumber("start", span.Start);
        json.WriteNumber("end", span.End);
        json.WriteEndObject();
    }

    private static void WriteEntities(Utf8JsonWriter json, string name, IReadOnlyList<Actor> actors)
    {
        json.WriteStartArray(name);
        foreach (var a in actors)
        {
            json.WriteStartObject();
            json.WriteString("entity_text", a.Text);
            json.WriteString("code", a.Code);
            json.WriteString("sector", a.Sector);
            json.WriteString("identifier_text", a.IsReference ? IdentifierOf(a) : a.Text);
            json.WriteString("office", a.Office);
            json.WriteString("why", a.Why);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>For a pronoun or description, the earlier words it refers to (quoted in its explanation).</summary>
    private static string IdentifierOf(Actor a)
    {
        int open = a.Why.IndexOf("refers to '", StringComparison.Ordinal);
        if (open < 0) return a.Text;
        open += "refers to '".Length;
        int close = a.Why.IndexOf('\'', open);
        return close > open ? a.Why[open..close] : a.Text;
    }
}
