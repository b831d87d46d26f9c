using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Text;

/// <summary>Tokenizes the story body and splits it into sentences.</summary>
public sealed class SentenceStage(Tokenizer tokenizer, Abbreviations abbreviations) : IStage
{
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at", "this", "that",
        "these", "those", "there", "his", "her", "its", "their", "our", "after", "before", "as", "while", "when",
        "meanwhile", "however", "earlier", "later", "last", "since", "according", "officials", "both", "some", "many",
    };

    public string Name => "sentences";
    public Layer Needs => Layer.Repaired | Layer.Dateline;
    public Layer Produces => Layer.Tokens | Layer.Sentences;

    public void Process(Document document)
    {
        string text = document.Text;
        var tokens = tokenizer.Tokenize(text, document.BodyStart);
        var sentences = new List<Sentence>();
        int first = 0;
        for (int t = 0; t < tokens.Count; t++)
        {
            int end = EndOfSentence(text, tokens, t);
            if (end < 0) continue;
            sentences.Add(new Sentence(new TextSpan(tokens[first].Span.Start, tokens[end].Span.End), first, end + 1));
            first = end + 1;
            t = end;
        }
        if (first < tokens.Count)
            sentences.Add(new Sentence(new TextSpan(tokens[first].Span.Start, tokens[^1].Span.End), first, tokens.Count));
        document.Tokens = tokens;
        document.Sentences = sentences;
    }

    /// <summary>The last token of the sentence that ends at token t, or -1 when no sentence ends there.</summary>
    private int EndOfSentence(string text, List<Token> tokens, int t)
    {
        var token = tokens[t];
        int last = t;
        bool terminal = token.Kind == TokenKind.Punct && text[token.Span.Start] is '.' or '!' or '?';
        bool abbreviation = false;
        if (!terminal && token.IsWord && text[token.Span.End - 1] == '.')
        {
            if (!abbreviations.TryGet(text[token.Span.Start..token.Span.End], out var kind))
                kind = token.Span.Length <= 2 ? AbbreviationKind.Title : AbbreviationKind.Other; // an initial
            abbreviation = kind == AbbreviationKind.Other;
        }
        if (terminal || abbreviation)
        {
            while (last + 1 < tokens.Count && tokens[last + 1].Kind == TokenKind.Punct
                   && text[tokens[last + 1].Span.Start] is '"' or '\'' or ')' or '.' or '!' or '?'
                   && !HasSpaceBefore(text, tokens, last + 1))
                last++;
            if (last + 1 >= tokens.Count) return last;
            var next = tokens[last + 1];
            char first = text[next.Span.Start];
            if (HasParagraphBreak(text, tokens[last].Span.End, next.Span.Start)) return last;
            if (abbreviation)
                return char.IsUpper(first) && SentenceStarters.Contains(next.Lower) ? last : -1;
            return char.IsUpper(first) || char.IsDigit(first) || first is '"' or '\'' or '(' or '-' ? last : -1;
        }
        if (t + 1 < tokens.Count && HasParagraphBreak(text, token.Span.End, tokens[t + 1].Span.Start)) return t;
        return -1;
    }

    private static bool HasSpaceBefore(string text, List<Token> tokens, int t) =>
        t > 0 && tokens[t - 1].Span.End < tokens[t].Span.Start;

    /// <summary>A blank line, or a line break after terminal punctuation.</summary>
    private static bool HasParagraphBreak(string text, int from, int to) =>
        text.AsSpan(from, to - from).Count('\n') >= 2;
}
