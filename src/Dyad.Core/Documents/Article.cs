namespace Dyad.Documents;

/// <summary>One input article as read from a file, before any processing.</summary>
public sealed record Article(string Id, string Text)
{
    public DateOnly? Date { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public string? Source { get; init; }
    /// <summary>Where the article came from, for messages ("file.jsonl:12").</summary>
    public string Origin { get; init; } = "";
}
