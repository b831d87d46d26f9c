namespace Dyad.Documents;

/// <summary>
/// One article flowing through the pipeline. Stages fill its layers in order; every span in a layer
/// points into <see cref="Text"/> (the repaired text) and maps back to <see cref="Original"/> via <see cref="Map"/>.
/// </summary>
public sealed class Document
{
    public Document(Article article)
    {
        Article = article;
        Original = article.Text;
        Text = article.Text;
    }

    public Article Article { get; }
    public string Original { get; }
    public string Text { get; private set; }
    public OffsetMap Map { get; private set; } = OffsetMap.Identity;

    /// <summary>The dateline place ("Ottawa"), if the story has one; its span in <see cref="Text"/>.</summary>
    public TextSpan? Dateline { get; set; }
    public string? DatelinePlace { get; set; }
    public string? DatelineCountry { get; set; }
    /// <summary>Where the story body starts (after the dateline).</summary>
    public int BodyStart { get; set; }

    public IReadOnlyList<Token> Tokens { get; set; } = [];
    public IReadOnlyList<Sentence> Sentences { get; set; } = [];
    public IReadOnlyList<Mention> Mentions { get; set; } = [];
    public IReadOnlyList<Actor> Actors { get; set; } = [];
    public IReadOnlyList<Event> Events { get; set; } = [];

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);
    public string TokenText(int start, int end) =>
        start >= end ? "" : Text[Tokens[start].Span.Start..Tokens[end - 1].Span.End];
    public TextSpan TokenSpan(int start, int end) =>
        new(Tokens[start].Span.Start, Tokens[end - 1].Span.End);
    public TextSpan ToOriginal(TextSpan span) => Map.ToOriginal(span);

    /// <summary>Replaces the working text; only the text-repair stage calls this.</summary>
    internal void SetRepairedText(string text, OffsetMap map)
    {
        Text = text;
        Map = map;
    }

    public int SentenceOfToken(int token)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            var s = Sentences[mid];
            if (token < s.FirstToken) hi = mid - 1;
            else if (token >= s.EndToken) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}
