namespace Dyad.Documents;

public enum TokenKind { Word, Number, Punct, Url }

/// <summary>A token: its span in the repaired text and its lower-cased form.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind, string Lower)
{
    public bool IsWord => Kind == TokenKind.Word;
}

/// <summary>A sentence: its span in the repaired text and its tokens [FirstToken, EndToken).</summary>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int EndToken);
