namespace Dyad.Input;

/// <summary>A problem with one input: where, which stable code, what. Warnings do not stop the article.</summary>
public sealed record InputProblem(string Origin, string Code, string Message, bool IsWarning = false)
{
    public override string ToString() => $"{(IsWarning ? "warning" : "error")} {Code}: {Origin}: {Message}";
}

/// <summary>One item read from the inputs: an article, or a problem that kept one from being read.</summary>
public sealed record InputItem(Documents.Article? Article, InputProblem? Problem);
