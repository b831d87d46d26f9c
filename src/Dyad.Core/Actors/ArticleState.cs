using Dyad.Documents;

namespace Dyad.Actors;

/// <summary>What one article has said so far: the people named, the actors seen, the countries in play.</summary>
internal sealed class ArticleState(Document document)
{
    private readonly Dictionary<string, Mention> _namePart = new(StringComparer.Ordinal);
    private readonly List<Actor> _actors = [];
    private readonly HashSet<Actor> _people = [];
    private readonly Dictionary<string, int> _codeCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Actor> _abbreviations = new(StringComparer.Ordinal);

    public void Remember(Actor actor, Mention? person = null)
    {
        _actors.Add(actor);
        if (actor.Code is { Length: > 0 } code && code != "UNK")
            _codeCounts[code] = _codeCounts.GetValueOrDefault(code) + 1;
        if (person is null) return;
        _people.Add(actor);
        var resolved = person with { Code = actor.Code, Sector = actor.Sector, Office = actor.Office };
        // Each word of the name, and each half of a hyphenated one ("Yong-hyun", "Yong", "hyun").
        foreach (var word in person.Canonical.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            foreach (var part in word.Contains('-') ? [word, .. word.Split('-')] : new[] { word })
                if (part.Length >= 3 && char.IsUpper(part[0])) _namePart[part] = resolved;
    }

    public Mention? PersonByNamePart(string word) => _namePart.GetValueOrDefault(word);

    public bool HasSeen(string code) => _codeCounts.ContainsKey(code);

    /// <summary>Nouns that, after "the", refer back like a pronoun: "the country", "the group".</summary>
    public static bool IsDescription(string noun) => noun is "country" or "nation" or "group" or "movement" or "organisation" or "organization" or "militia";

    /// <summary>"the country" is the latest state named; "the group" or "the movement" the latest armed group or party.</summary>
    private Actor? ByDescription(string noun) => noun is "country" or "nation"
        ? _actors.LastOrDefault(a => !a.IsNewsSource && a.Sector.Length == 0 && a.Code.Length == 3 && a.Code != "UNK" && !_people.Contains(a))
        : _actors.LastOrDefault(a => !a.IsNewsSource && a.Sector is "REB" or "PRM" or "PTY" or "UAF" or "CRM");

    public void RememberAbbreviation(string abbreviation, Actor actor) => _abbreviations[abbreviation] = actor;

    public Actor? ByAbbreviation(string word) => _abbreviations.GetValueOrDefault(word);

    /// <summary>What a pronoun refers to: the latest person (he, she), group (they, we) or state or body (it).</summary>
    public List<Actor> Antecedents(string pronoun, int start, int end, string text, int group)
    {
        List<Actor> found = [];
        if (pronoun is "he" or "she" or "him")
        {
            // The first person named in the latest sentence that names one: usually its subject.
            var latest = _actors.LastOrDefault(a => _people.Contains(a) && !a.IsNewsSource);
            if (latest is not null)
            {
                int sentence = document.SentenceOfToken(latest.Start);
                found.Add(_actors.First(a => _people.Contains(a) && !a.IsNewsSource && document.SentenceOfToken(a.Start) == sentence));
            }
        }
        else if (pronoun is "they" or "we" or "them")
        {
            // An earlier group or body in the same sentence ("10,000 troops ..., with 8,000 of them"),
            // else the latest group of several parties in the last sentences, else the latest actor.
            int sentence = document.SentenceOfToken(start);
            var near = _actors.LastOrDefault(a => !a.IsNewsSource && !_people.Contains(a) && a.Sector.Length > 0
                && document.SentenceOfToken(a.Start) == sentence);
            if (near is not null)
            {
                found.Add(near);
                return Refer(found, start, end, text, group);
            }
            var several = _actors.LastOrDefault(a => !a.IsNewsSource && sentence - document.SentenceOfToken(a.Start) <= 2
                && _actors.Count(b => b.Group == a.Group && b.Code != a.Code) > 0);
            var last = several ?? _actors.LastOrDefault(a => !a.IsNewsSource);
            if (last is not null)
                found.AddRange(_actors.Where(a => a.Group == last.Group && !a.IsNewsSource).DistinctBy(a => a.Code));
        }
        else if (IsDescription(pronoun))
        {
            if (ByDescription(pronoun) is { } described) found.Add(described);
        }
        else
        {
            var body = _actors.LastOrDefault(a => !_people.Contains(a) && !a.IsNewsSource && a.Code != "UNK");
            if (body is not null) found.Add(body);
        }
        return Refer(found, start, end, text, group);
    }

    private static List<Actor> Refer(List<Actor> antecedents, int start, int end, string text, int group) =>
        [.. antecedents.Select(a => a with
        {
            Start = start, End = end, Text = text, Group = group, IsReference = true,
            Why = $"'{text}' refers to '{a.Text}' ({a.Code})",
        })];

    /// <summary>"the two ministers", "both countries": the latest two people (or, failing that, actors) with different codes.</summary>
    public List<Actor> RecentPair(int start, int end, string text, int group, string sector, bool people)
    {
        var pair = new List<Actor>();
        for (int i = _actors.Count - 1; i >= 0 && pair.Count < 2; i--)
        {
            var a = _actors[i];
            if (a.IsNewsSource || a.Code == "UNK" || pair.Any(p => p.Code == a.Code)) continue;
            if (people && !_people.Contains(a) && !(a.IsReference && a.Sector == sector)) continue;
            pair.Add(a);
        }
        if (pair.Count < 2 && people) return RecentPair(start, end, text, group, sector, people: false);
        pair.Reverse();
        return [.. pair.Select(a => a with
        {
            Start = start, End = end, Text = text, Group = group, IsReference = true,
            Sector = sector.Length > 0 ? sector : a.Sector,
            Why = $"'{text}' refers to '{a.Text}' ({a.Code})",
        })];
    }

    /// <summary>A country for a role word with no nationality: the latest actor of that sector, the dateline, or the article's main country.</summary>
    public (string Code, string Why) InferCode(string sector)
    {
        if (sector.Length > 0)
        {
            var same = _actors.LastOrDefault(a => a.Sector == sector && a.Code is { Length: > 0 } and not "UNK" && !a.IsNewsSource);
            if (same is not null) return (same.Code, $"country of the latest {sector} actor, '{same.Text}'");
        }
        if (document.DatelineCountry is { } dateline) return (dateline, $"country of the dateline '{document.DatelinePlace}'");
        if (_codeCounts.Count > 0)
        {
            var main = _codeCounts.MaxBy(kv => kv.Value).Key;
            return (main, "the article's most mentioned country");
        }
        return ("UNK", "no country in the context");
    }
}
