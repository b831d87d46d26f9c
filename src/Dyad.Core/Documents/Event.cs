namespace Dyad.Documents;

/// <summary>The PLOVER event types, in the manual's order.</summary>
public enum EventType
{
    AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST,
    ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT,
}

/// <summary>Counts stated in the text.</summary>
public sealed record EventSize(int? Dead = null, int? Injured = null, int? Arrested = null, int? Troops = null)
{
    public bool IsEmpty => Dead is null && Injured is null && Arrested is null && Troops is null;
}

/// <summary>Where an event happened.</summary>
public sealed record EventPlace(string Extracted, string? Resolved, string? CountryCode, double? Lat, double? Lon)
{
    public TextSpan Span { get; init; }
}

/// <summary>One coded event with its evidence.</summary>
public sealed record Event(EventType Type, string Cameo, TextSpan Trigger, int Sentence)
{
    public IReadOnlyList<string> Modes { get; init; } = [];
    public IReadOnlyList<string> Contexts { get; init; } = [];
    public IReadOnlyList<Actor> Actors { get; init; } = [];
    public IReadOnlyList<Actor> Recipients { get; init; } = [];
    public bool Reciprocal { get; init; }
    public DateOnly? Date { get; init; }
    public TextSpan DateSpan { get; init; }
    public EventPlace? Place { get; init; }
    public IReadOnlyList<string> ReportedBy { get; init; } = [];
    public bool Negated { get; init; }
    /// <summary>"asserted", "future", "intended", ...</summary>
    public string Modality { get; init; } = "asserted";
    public EventSize Size { get; init; } = new();
    /// <summary>Further sentences restating the same happening.</summary>
    public IReadOnlyList<int> MoreSentences { get; init; } = [];
}
