namespace Dyad.Input;

public enum InputFormat { Text, JsonLines, Html, Pdf, Feed, Binary }

/// <summary>
/// Tells an input's format from its first bytes and, where they say nothing, its extension: the %PDF
/// signature, markup that opens with an RSS/Atom or HTML element, binary bytes, a first '{' for JSON Lines.
/// </summary>
public static class FormatSniffer
{
    private static readonly string[] FeedMarks = ["<rss", "<feed", "<rdf:rdf"];
    private static readonly string[] HtmlMarks = ["<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>"];

    public static InputFormat Detect(string extension, ReadOnlySpan<byte> head)
    {
        if (head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0) return InputFormat.Pdf;
        var (encoding, bom) = TextDecoder.Detect(head);
        string start = encoding.GetString(head[bom..Math.Min(head.Length, 4096)]).TrimStart();
        if (start.StartsWith('<'))
        {
            int feed = FirstMark(start, FeedMarks), html = FirstMark(start, HtmlMarks);
            if (feed >= 0 && (html < 0 || feed < html)) return InputFormat.Feed;
            if (html >= 0) return InputFormat.Html;
        }
        if (IsBinary(head)) return InputFormat.Binary;
        switch (extension.ToLowerInvariant())
        {
            case ".pdf": return InputFormat.Pdf;
            case ".html" or ".htm" or ".xhtml": return InputFormat.Html;
            case ".rss" or ".atom" or ".xml": return InputFormat.Feed;
            case ".jsonl" or ".ndjson" or ".json": return InputFormat.JsonLines;
        }
        return start.StartsWith('{') ? InputFormat.JsonLines : InputFormat.Text;
    }

    private static int FirstMark(string text, string[] marks)
    {
        int first = -1;
        foreach (var mark in marks)
        {
            int i = text.IndexOf(mark, StringComparison.OrdinalIgnoreCase);
            if (i >= 0 && (first < 0 || i < first)) first = i;
        }
        return first;
    }

    /// <summary>NUL bytes (outside UTF-16) or many control characters mean binary data.</summary>
    private static bool IsBinary(ReadOnlySpan<byte> head)
    {
        if (TextDecoder.Detect(head).Encoding is System.Text.UnicodeEncoding) return false;
        int control = 0;
        foreach (byte b in head)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C)) control++;
        }
        return head.Length > 0 && control * 20 > head.Length;
    }
}
