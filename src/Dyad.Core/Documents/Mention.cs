namespace Dyad.Documents;

public enum MentionKind
{
    Country,      // "South Korea"
    Demonym,      // "Canadian", "Canadians"
    Capital,      // "Seoul" used for its government
    Seat,         // "the Kremlin"
    Region,       // "Transnistria" (partially recognised)
    Organization, // "UN Command", "Hamas"
    Person,       // a name from the people dictionary or an unknown titled name
    Title,        // "Defense Minister"
    Role,         // "troops", "officials"
    Institution,  // "ministry", "parliament"
    Pronoun,      // "he", "they"
}

/// <summary>A dictionary match over tokens [Start, End) with what the dictionary says about it.</summary>
public sealed record Mention(int Start, int End, MentionKind Kind, string Code, string Sector, string Canonical)
{
    public string Office { get; init; } = "";
    public string Why { get; init; } = "";
}
