using Dyad.Pipeline;

namespace Dyad.Store;

/// <summary>A country code with an optional sector: "KOR" or "KOR:GOV".</summary>
public sealed record ActorFilter(string Country, string? Sector)
{
    public static ActorFilter? Parse(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Trim().ToUpperInvariant().Split(':');
        if (parts.Length > 2 || parts[0].Length is < 2 or > 4 || !parts[0].All(char.IsAsciiLetterOrDigit) || (parts.Length == 2 && parts[1].Length == 0))
            throw new DyadException(ErrorCodes.BadArgument, $"{option}: '{text}' is not an actor code (a country code such as KOR, or KOR:GOV with a sector)");
        return new ActorFilter(parts[0], parts.Length == 2 ? parts[1] : null);
    }
}

/// <summary>A PLOVER event type given by name, in any case ("accuse"); numbers are refused.</summary>
public static class EventTypeFilter
{
    public static string? Parse(string? text, string option)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (Enum.TryParse<Documents.EventType>(text, true, out var type) && !int.TryParse(text, out _)) return type.ToString();
        throw new DyadException(ErrorCodes.BadArgument, $"{option}: '{text}' is not a PLOVER event type ({string.Join(", ", Enum.GetNames<Documents.EventType>())})");
    }
}

/// <summary>The filters shared by query, stats and export.</summary>
public sealed record EventQuery
{
    public ActorFilter? Actor { get; init; }
    public ActorFilter? Recipient { get; init; }
    public string? Type { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Place { get; init; }
    public string? Text { get; init; }
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }
    /// <summary>Every report rather than one row per event cluster.</summary>
    public bool Reports { get; init; }
}
