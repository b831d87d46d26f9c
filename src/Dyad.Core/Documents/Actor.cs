namespace Dyad.Documents;

/// <summary>A resolved actor phrase: tokens [Start, End) denoting one entity with a PLOVER code and sector.</summary>
public sealed record Actor(int Start, int End, string Code, string Sector)
{
    /// <summary>The words that identify the actor ("Seoul's defense ministry").</summary>
    public string Text { get; init; } = "";
    public string Office { get; init; } = "";
    /// <summary>Why this code and sector were chosen, for `dyad actor` and `inspect`.</summary>
    public string Why { get; init; } = "";
    /// <summary>A news organisation: reports events, is never their actor.</summary>
    public bool IsNewsSource { get; init; }
    /// <summary>Resolved through coreference (a pronoun, surname or description).</summary>
    public bool IsReference { get; init; }
    /// <summary>Actors coordinated with this one in the same phrase ("South Korea and Canada") share a group id.</summary>
    public int Group { get; init; }
}
