using Dyad.Documents;

namespace Dyad.Knowledge;

/// <summary>What the actor dictionaries say about one surface form.</summary>
public sealed record ActorEntry(MentionKind Kind, string Code, string Sector, string Canonical)
{
    public string Office { get; init; } = "";
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Which file and row the entry came from, for explanations.</summary>
    public string Source { get; init; } = "";

    public bool Covers(DateOnly date) => (From is null || From <= date) && (To is null || date <= To);
}
