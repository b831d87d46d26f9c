using Dyad.Documents;
using Dyad.Text;

namespace Dyad.Knowledge;

/// <summary>
/// The actor dictionaries compiled into lookup tries: names of states, organisations and people
/// (case-sensitive) and role words and titles (lower case). Immutable once built.
/// </summary>
public sealed class ActorKnowledge
{
    public const string CountriesFile = "actors/countries.tsv";
    public const string OrganizationsFile = "actors/organizations.tsv";
    public const string SectorsFile = "actors/sectors.tsv";
    public const string PeopleFile = "actors/people.tsv";
    /// <summary>The code of "not" rows: phrases that contain a state's name but are not actors ("South China Sea").</summary>
    public const string NotAnActor = "-";

    private readonly Dictionary<string, List<ActorEntry>> _surnames = new(StringComparer.Ordinal);

    private ActorKnowledge(Tokenizer tokenizer)
    {
        Tokenizer = tokenizer;
        Names = new PhraseTrie<ActorEntry>(lowerCase: false);
        Roles = new PhraseTrie<ActorEntry>(lowerCase: true);
    }

    internal Tokenizer Tokenizer { get; }
    public PhraseTrie<ActorEntry> Names { get; }
    public PhraseTrie<ActorEntry> Roles { get; }

    /// <summary>
    /// The one person in office at <paramref name="date"/> (or, without a date, ever) whose family name this is
    /// ("Museveni"); when several people have it, all of one country ("President Bush"), that country with no
    /// name; null when no one has it or people of several countries do.
    /// </summary>
    public ActorEntry? PersonBySurname(string surname, DateOnly? date)
    {
        if (!_surnames.TryGetValue(surname, out var entries)) return null;
        var candidates = date is DateOnly d ? entries.Where(e => e.Covers(d)).ToList() : entries;
        if (candidates.Count == 0) return null;
        if (candidates.Select(e => e.Canonical).Distinct().Count() == 1) return candidates[^1];
        if (candidates.Select(e => e.Code).Distinct().Count() > 1) return null;
        var sectors = candidates.Select(e => e.Sector).Distinct().ToList();
        var names = string.Join(", ", candidates.Select(e => e.Canonical).Distinct());
        return new ActorEntry(MentionKind.Person, candidates[0].Code, sectors.Count == 1 ? sectors[0] : "", $"one of {names}")
        {
            Source = candidates[0].Source,
        };
    }

    /// <summary>Loads the embedded files, then each user file (people or organisations, told apart by their columns).</summary>
    public static ActorKnowledge Load(Tokenizer tokenizer, IEnumerable<string>? userFiles = null)
    {
        var k = new ActorKnowledge(tokenizer);
        foreach (var r in DataFile.EmbeddedRows(CountriesFile, 3, 4)) k.AddCountryRow(r, CountriesFile);
        foreach (var r in DataFile.EmbeddedRows(OrganizationsFile, 2, 4)) k.AddOrganization(r, OrganizationsFile);
        foreach (var r in DataFile.EmbeddedRows(SectorsFile, 3, 3)) k.AddSector(r, SectorsFile);
        foreach (var r in DataFile.EmbeddedRows(PeopleFile, 4, 7)) k.AddPerson(r, PeopleFile);
        foreach (var file in userFiles ?? [])
        {
            foreach (var r in DataFile.FileRows(file, 2, 7))
            {
                if (r.Length >= 5) k.AddPerson(r, file, replace: true);
                else k.AddOrganization(r, file);
            }
        }
        return k;
    }

    private IReadOnlyList<string> Keys(string phrase)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        return [.. tokens.Select(t => phrase[t.Span.Start..t.Span.End])];
    }

    private void AddCountryRow(string[] r, string file)
    {
        string code = r[0], kind = r[1], text = r[2];
        string sector = r.Length > 3 ? r[3] : "";
        if (kind == "not")
        {
            Names.Add(Keys(text), new ActorEntry(MentionKind.Region, NotAnActor, "", text) { Source = file });
            return;
        }
        var mention = kind switch
        {
            "name" => MentionKind.Country,
            "adj" => MentionKind.Demonym,
            "capital" => MentionKind.Capital,
            "seat" => MentionKind.Seat,
            "region" => MentionKind.Region,
            _ => throw new Pipeline.DyadException(Pipeline.ErrorCodes.BadData, $"{file}: unknown kind '{kind}' for '{text}'"),
        };
        Names.Add(Keys(text), new ActorEntry(mention, code, sector, text) { Source = file });
    }

    private void AddOrganization(string[] r, string file)
    {
        string text = r[0];
        string code = r[1];
        string sector = r.Length > 2 ? r[2] : "";
        string canonical = r.Length > 3 && r[3].Length > 0 ? r[3] : text;
        Names.Add(Keys(text), new ActorEntry(MentionKind.Organization, code, sector, canonical) { Source = file });
    }

    private void AddSector(string[] r, string file)
    {
        var kind = r[2] switch
        {
            "title" => MentionKind.Title,
            "role" => MentionKind.Role,
            "org" => MentionKind.Institution,
            _ => throw new Pipeline.DyadException(Pipeline.ErrorCodes.BadData, $"{file}: unknown kind '{r[2]}' for '{r[0]}'"),
        };
        Roles.Add(Keys(r[0]), new ActorEntry(kind, "", r[1], r[0]) { Source = file });
    }

    private void AddPerson(string[] r, string file, bool replace = false)
    {
        string name = r[0];
        var entry = new ActorEntry(MentionKind.Person, r[1], r[2], name)
        {
            Office = r.Length > 3 ? r[3] : "",
            From = r.Length > 4 ? DateRange.Start(r[4], $"{file}: {name}") : null,
            To = r.Length > 5 ? DateRange.End(r[5], $"{file}: {name}") : null,
            Source = file,
        };
        var forms = new List<string> { name };
        if (r.Length > 6) forms.AddRange(r[6].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var form in forms)
        {
            var keys = Keys(form);
            if (replace) RemoveOverlapping(keys, entry);
            Names.Add(keys, entry);
            if (keys.Count > 1 && keys[^1].Length > 3)
            {
                if (!_surnames.TryGetValue(keys[^1], out var list)) _surnames[keys[^1]] = list = [];
                if (!list.Contains(entry)) list.Add(entry);
            }
        }
    }

    /// <summary>A user's row replaces built-in rows for the same name whose dates overlap it.</summary>
    private void RemoveOverlapping(IReadOnlyList<string> keys, ActorEntry entry)
    {
        var tokens = Tokenizer.Tokenize(string.Join(' ', keys));
        string text = string.Join(' ', keys);
        if (!Names.TryMatch(text, tokens, 0, tokens.Count, out int end, out var existing) || end != tokens.Count) return;
        var keep = existing.Where(e => e.Kind != MentionKind.Person || !Overlaps(e, entry)).ToList();
        Names.Remove(keys);
        foreach (var e in keep) Names.Add(keys, e);
    }

    private static bool Overlaps(ActorEntry a, ActorEntry b) =>
        (a.From is null || b.To is null || a.From <= b.To) && (b.From is null || a.To is null || b.From <= a.To);
}
