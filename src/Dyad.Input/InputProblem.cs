namespace Dyad.Input;

/// <summary>What a problem does to its article: stops it, lets it through, or leaves it out on purpose.</summary>
public enum Severity { Error, Warning, Skipped }

/// <summary>A problem with one input: where, which stable code, what.</summary>
public sealed record InputProblem(string Origin, string Code, string Message, Severity Severity = Severity.Error)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Code}: {Origin}: {Message}";
}

/// <summary>One item read from the inputs: an article, or a problem that kept one from being read.</summary>
public sealed record InputItem(Documents.Article? Article, InputProblem? Problem);
