using Dyad.Documents;
using Dyad.Knowledge;
using Dyad.Pipeline;

namespace Dyad.Actors;

/// <summary>
/// Groups mentions into actor phrases ("Seoul's defense ministry", "his Canadian counterpart, Bill Blair",
/// "Defense ministers of South Korea and Canada"), resolves each to a code and sector, and links
/// surnames, pronouns and descriptions to earlier actors of the article.
/// </summary>
public sealed class ActorStage(ActorKnowledge knowledge, IReadOnlyDictionary<string, string> modifiers, Gazetteer places) : IStage
{
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "his", "her", "its", "their", "our", "some", "two", "both", "three", "several", "many",
    };

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "al", "al-", "bin", "ibn", "de", "da", "del", "van", "von", "der", "la", "le", "du", "dos", "el",
    };

    public string Name => "actors";
    public Layer Needs => Layer.Mentions;
    public Layer Produces => Layer.Actors;

    public static IReadOnlyDictionary<string, string> LoadModifiers()
    {
        var modifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in DataFile.EmbeddedRows("actors/modifiers.tsv", 2, 2)) modifiers[r[0]] = r[1]; // a later row wins
        return modifiers;
    }

    public void Process(Document document)
    {
        var state = new ArticleState(document);
        var actors = new List<Actor>();
        int group = 0;
        var mentions = document.Mentions;
        int m = 0;
        foreach (var sentence in document.Sentences)
        {
            var inSentence = new List<Mention>();
            while (m < mentions.Count && mentions[m].Start < sentence.EndToken)
            {
                if (mentions[m].Start >= sentence.FirstToken) inSentence.Add(mentions[m]);
                m++;
            }
            AddContextualMentions(document, sentence, inSentence, state);
            var chunks = BuildChunks(document, sentence, inSentence);
            var joined = Coordinated(document, chunks);
            string? partner = null;
            for (int i = 0; i < chunks.Count; i++)
            {
                var chunk = chunks[i];
                int id = joined[i] ? group : ++group;
                if (!joined[i]) partner = null;
                var resolved = Resolve(document, chunk, state, id, partner, CountryBefore(inSentence, chunk.Start), CountryBefore(inSentence, int.MaxValue));
                partner ??= resolved.FirstOrDefault(a => a.Code is { Length: > 0 } and not "UNK" && !a.IsReference)?.Code;
                var person = chunk.IsPronoun ? null : chunk.Last(x => x.Kind == MentionKind.Person);
                foreach (var actor in resolved)
                {
                    actors.Add(actor);
                    state.Remember(actor, resolved.Count == 1 ? person : null);
                }
                // "the Democratic Party (DP)": later "the DP" is the same actor.
                if (resolved.Count == 1 && Abbreviation(document, sentence, chunk.End) is { } abbreviation)
                    state.RememberAbbreviation(abbreviation, resolved[0]);
            }
        }
        document.Actors = actors;
    }

    /// <summary>The first state or capital named in the sentence before <paramref name="start"/>.</summary>
    private static string? CountryBefore(List<Mention> mentions, int start)
    {
        foreach (var x in mentions)
        {
            if (x.Start >= start) return null;
            if (x.Kind is MentionKind.Country or MentionKind.Capital) return x.Code;
        }
        return null;
    }

    /// <summary>
    /// Whether each chunk is coordinated with the one before it: "A and B", "A or B", and "A, B and C";
    /// a comma alone ("in Ottawa, Seoul's ministry said") does not coordinate.
    /// </summary>
    private static bool[] Coordinated(Document document, List<Chunk> chunks)
    {
        var joined = new bool[chunks.Count];
        for (int i = 1; i < chunks.Count; i++)
        {
            string link = Link(document, chunks[i - 1].End, chunks[i].Start);
            if (link is "and" or "or" or ", and" or ", or") joined[i] = true;
            else if (link == ",")
            {
                int j = i + 1;
                while (j < chunks.Count && Between(document, chunks[j - 1].End, chunks[j].Start) == ",") j++;
                joined[i] = j < chunks.Count && Between(document, chunks[j - 1].End, chunks[j].Start) is "and" or ", and" or "or" or ", or";
            }
        }
        return joined;
    }

    /// <summary>The conjunction between two chunks, skipping lower-case modifiers after it ("and other elected leaders").</summary>
    private static string Link(Document document, int end, int start)
    {
        string link = Between(document, end, start);
        if (link != "?" || start - end > 6 || start <= end) return link;
        int t = end;
        if (document.Tokens[t].Lower == ",") t++;
        if (t >= start || document.Tokens[t].Lower is not ("and" or "or")) return link;
        for (int k = t + 1; k < start; k++)
        {
            var token = document.Tokens[k];
            if (!token.IsWord || !char.IsLower(document.Text[token.Span.Start])) return link;
        }
        return document.Tokens[t].Lower;
    }

    /// <summary>
    /// Mentions that need the article or the word's shape: surnames of people named earlier ("Blair" after
    /// "Bill Blair"), "the North" in Korean news, and the leader in "Saudi-led coalition".
    /// </summary>
    private void AddContextualMentions(Document document, Sentence sentence, List<Mention> mentions, ArticleState state)
    {
        var covered = new bool[sentence.EndToken - sentence.FirstToken];
        foreach (var x in mentions)
            for (int k = Math.Max(x.Start, sentence.FirstToken); k < Math.Min(x.End, sentence.EndToken); k++) covered[k - sentence.FirstToken] = true;
        var added = new List<Mention>();
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if (covered[t - sentence.FirstToken]) continue;
            // "the country", "the group": the latest state or organisation named.
            if (t > sentence.FirstToken && document.Tokens[t - 1].Lower == "the" && ArticleState.IsDescription(document.Tokens[t].Lower))
            {
                added.Add(new Mention(t, t + 1, MentionKind.Pronoun, "", "", document.Tokens[t].Lower));
                continue;
            }
            if (!IsCapitalized(document, t)) continue;
            // "the government of Sindh province": a first-level region, in one country only, is of that country.
            if (RegionBefore(document, sentence, t) is var (end, code))
            {
                added.Add(new Mention(t, end, MentionKind.Region, code, "", document.TokenText(t, end))
                {
                    Why = $"'{document.TokenText(t, end - 1)}' is a region of {code} (places/places.tsv.gz)",
                });
                t = end - 1;
                continue;
            }
            string word = document.TokenText(t, t + 1);
            if (state.ByAbbreviation(word) is { } defined)
                added.Add(new Mention(t, t + 1, MentionKind.Organization, defined.Code, defined.Sector, defined.Text)
                {
                    Why = $"'{word}' abbreviates '{defined.Text}', defined earlier",
                });
            else if (state.PersonByNamePart(word) is { } person)
                added.Add(person with { Start = t, End = t + 1, Why = $"refers to {person.Canonical}, named earlier" });
            // In Korean news "the North" and "the South" are the two Koreas.
            else if (word is "North" or "South" && t > sentence.FirstToken && document.Tokens[t - 1].Lower == "the"
                     && (t + 1 >= sentence.EndToken || !IsCapitalized(document, t + 1)) && (state.HasSeen("PRK") || state.HasSeen("KOR")))
                added.Add(new Mention(t, t + 1, MentionKind.Country, word == "North" ? "PRK" : "KOR", "", word)
                {
                    Why = $"'the {word}' in a story about the Koreas",
                });
            // "Museveni", "President Museveni": the family name, standing alone, of the one person in office with it.
            // "a rally in Lagos" names a place, not President Lagos.
            else if (StandsAlone(document, sentence, mentions, t) && !AfterLocative(document, sentence, t)
                     && knowledge.PersonBySurname(word, document.Article.Date) is { } known)
                added.Add(new Mention(t, t + 1, MentionKind.Person, known.Code, known.Sector, known.Canonical)
                {
                    Office = known.Office,
                    Why = $"'{word}' is the family name of {known.Canonical}{(known.Office.Length > 0 ? ", " + known.Office : "")} ({known.Source})",
                });
            else if (word.EndsWith("-led", StringComparison.Ordinal) && Leader(word[..^4]) is { } leader)
                added.Add(new Mention(t, t + 1, MentionKind.Demonym, leader.Code, "", word)
                {
                    Why = $"'{word}': led by {leader.Canonical} ({leader.Code})",
                });
        }
        if (added.Count == 0) return;
        mentions.AddRange(added);
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>One to three capitalised words, then a region word: the region's end (past the word) and its country.</summary>
    private (int End, string Code)? RegionBefore(Document document, Sentence sentence, int start)
    {
        int t = start;
        while (t < sentence.EndToken && t - start < 3 && IsCapitalized(document, t) && !Gazetteer.RegionWords.Contains(document.Tokens[t].Lower)) t++;
        if (t == start || t >= sentence.EndToken || !Gazetteer.RegionWords.Contains(document.Tokens[t].Lower)) return null;
        string name = document.TokenText(start, t);
        // The gazetteer writes Russia's and Ukraine's regions "Kursk Oblast"; news writes "the Kursk region".
        string? code = places.RegionCountry(name) ?? places.RegionCountry(name + " " + document.TokenText(t, t + 1)) ?? places.RegionCountry(name + " Oblast");
        return code is null ? null : (t + 1, code);
    }

    /// <summary>An all-capitals word in brackets right after a phrase: "(DP)".</summary>
    private static string? Abbreviation(Document document, Sentence sentence, int end)
    {
        if (end + 2 >= sentence.EndToken || document.Tokens[end].Lower != "(" || document.Tokens[end + 2].Lower != ")") return null;
        string word = document.TokenText(end + 1, end + 2);
        return word.Length is >= 2 and <= 8 && word.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '-') ? word : null;
    }

    private static bool AfterLocative(Document document, Sentence sentence, int t) =>
        t > sentence.FirstToken && document.Tokens[t - 1].Lower is "in" or "at" or "near" or "outside" or "across" or "around";

    private static bool StandsAlone(Document document, Sentence sentence, List<Mention> mentions, int t)
    {
        bool before = t > sentence.FirstToken && IsCapitalized(document, t - 1) && !mentions.Any(m => m.End == t && m.Kind == MentionKind.Title);
        bool after = t + 1 < sentence.EndToken && IsCapitalized(document, t + 1);
        return !before && !after;
    }

    private ActorEntry? Leader(string name)
    {
        var tokens = knowledge.Tokenizer.Tokenize(name);
        if (!knowledge.Names.TryMatch(name, tokens, 0, tokens.Count, out int end, out var entries) || end != tokens.Count) return null;
        var entry = entries[^1];
        return entry.Kind is MentionKind.Country or MentionKind.Demonym or MentionKind.Capital or MentionKind.Organization
            && entry.Code != ActorKnowledge.NotAnActor ? entry : null;
    }

    private List<Chunk> BuildChunks(Document document, Sentence sentence, List<Mention> mentions)
    {
        var chunks = new List<Chunk>();
        Chunk? current = null;
        foreach (var mention in mentions)
        {
            if (current is not null && CanExtend(document, current, mention))
            {
                current.Mentions.Add(mention);
                current.End = mention.End;
                continue;
            }
            if (current is not null) chunks.Add(Finish(document, sentence, current));
            current = new Chunk(mention.Start, mention.End);
            current.Mentions.Add(mention);
            ExtendLeft(document, sentence, current);
        }
        if (current is not null) chunks.Add(Finish(document, sentence, current));
        return MergeAppositionsAndOwners(document, chunks);
    }

    private bool CanExtend(Document document, Chunk chunk, Mention next)
    {
        var last = chunk.Mentions[^1];
        if (next.Kind == MentionKind.Pronoun || last.Kind == MentionKind.Pronoun) return false;
        if (last.Kind == MentionKind.Person) return false;
        if (last.Kind is MentionKind.Role && next.Kind is not (MentionKind.Person or MentionKind.Role or MentionKind.Institution)) return false;
        for (int t = chunk.End; t < next.Start; t++)
        {
            string w = document.Tokens[t].Lower;
            if (w == "'s" || w == "'" || modifiers.ContainsKey(w)) continue;
            return false;
        }
        // Two full names side by side are two actors ("Russia Ukraine" in a headline is rare; "U.S. Israel" is not one actor).
        if (next.Kind is MentionKind.Country or MentionKind.Capital && chunk.Mentions.Any(x => x.Kind is MentionKind.Country or MentionKind.Capital or MentionKind.Organization))
            return false;
        return true;
    }

    private void ExtendLeft(Document document, Sentence sentence, Chunk chunk)
    {
        int t = chunk.Start;
        while (t - 1 >= sentence.FirstToken)
        {
            var token = document.Tokens[t - 1];
            if (modifiers.TryGetValue(token.Lower, out var effect))
            {
                if (effect == "ELI") chunk.Former = true;
            }
            else if (!Determiners.Contains(token.Lower) && token.Kind != TokenKind.Number) break;
            // "the two ministers", "both countries" refer back; "expelled two diplomats" counts.
            if (token.Lower == "both" || (token.Lower == "two" && t - 2 >= sentence.FirstToken && document.Tokens[t - 2].Lower == "the"))
                chunk.Pair = true;
            t--;
        }
        chunk.Start = t;
    }

    /// <summary>After a title, capitalised words are the person's name even when no dictionary knows it.</summary>
    private static Chunk Finish(Document document, Sentence sentence, Chunk chunk)
    {
        var last = chunk.Mentions[^1];
        if (last.Kind != MentionKind.Title) return chunk;
        int t = chunk.End;
        while (t < sentence.EndToken && (IsCapitalized(document, t) || (t > chunk.End && NameParticles.Contains(document.Tokens[t].Lower) && t + 1 < sentence.EndToken && IsCapitalized(document, t + 1))))
            t++;
        if (t > chunk.End && t - chunk.End <= 5)
        {
            chunk.Mentions.Add(new Mention(chunk.End, t, MentionKind.Person, "", last.Sector, document.TokenText(chunk.End, t))
            {
                Office = document.TokenText(last.Start, last.End),
                Why = $"a name after the title '{document.TokenText(last.Start, last.End)}'",
            });
            chunk.End = t;
        }
        return chunk;
    }

    private static List<Chunk> MergeAppositionsAndOwners(Document document, List<Chunk> chunks)
    {
        var result = new List<Chunk>();
        for (int i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            // "ministers of South Korea and Canada", "president of the Riigikogu"
            if (!chunk.HasCode && i + 1 < chunks.Count && Between(document, chunk.End, chunks[i + 1].Start) is "of" or "of the")
            {
                int j = i + 1;
                // "the Speaker of the Parliament of Bangladesh": an owner with no code has an owner of its own.
                while (!chunks[j].HasCode && j + 1 < chunks.Count && Between(document, chunks[j].End, chunks[j + 1].Start) is "of" or "of the")
                    j++;
                chunk.Owners.Add(chunks[j]);
                // "Presidents of Mali, Niger and Chad, the Prime Ministers of ...": a role after a comma starts a new phrase.
                while (j + 1 < chunks.Count && chunks[j + 1].HasCode && IsCoordination(document, chunks[j].End, chunks[j + 1].Start))
                    chunk.Owners.Add(chunks[++j]);
                chunk.End = chunks[j].End;
                i = j;
            }
            // "his Canadian counterpart, Bill Blair" / "Harry Tseng, Taiwan's deputy foreign minister"
            else if (i + 1 < chunks.Count && Between(document, chunk.End, chunks[i + 1].Start) == ","
                     && IsApposition(chunk, chunks[i + 1]))
            {
                var next = chunks[i + 1];
                chunk.Mentions.AddRange(next.Mentions);
                chunk.End = next.End;
                chunk.Former |= next.Former;
                i++;
            }
            result.Add(chunk);
        }
        return result;
    }

    private static bool IsApposition(Chunk a, Chunk b)
    {
        bool aPerson = a.Mentions[^1].Kind == MentionKind.Person;
        bool bPerson = b.Mentions[^1].Kind == MentionKind.Person && b.Mentions.Count == 1;
        bool aRole = a.Mentions[^1].Kind is MentionKind.Role or MentionKind.Title && !a.Pair;
        bool bRole = b.Mentions[^1].Kind is MentionKind.Role or MentionKind.Title && b.Mentions.All(x => x.Kind != MentionKind.Person);
        return (aRole && bPerson && a.Mentions.All(x => x.Kind != MentionKind.Person)) || (aPerson && a.Mentions.Count == 1 && bRole);
    }

    private static string Between(Document document, int end, int start)
    {
        if (start - end > 2 || start < end) return "?";
        return string.Join(' ', Enumerable.Range(end, start - end).Select(t => document.Tokens[t].Lower));
    }

    private static bool IsCoordination(Document document, int end, int start) =>
        Between(document, end, start) is "and" or "," or ", and" or "or";

    private static bool IsCapitalized(Document document, int t)
    {
        var token = document.Tokens[t];
        return token.IsWord && char.IsUpper(document.Text[token.Span.Start]) && token.Lower != "'s";
    }

    /// <summary>
    /// The code and sector of a chunk. A role word with no country of its own takes its partner's, else the country
    /// named before it in the sentence ("In Kenya, protesters ..."), else the article's context; a country named only
    /// after it is more often the target than the home ("protesters stormed the British embassy"), so it comes last.
    /// </summary>
    private List<Actor> Resolve(Document document, Chunk chunk, ArticleState state, int group, string? partner = null,
        string? countryBefore = null, string? sentenceCountry = null)
    {
        string text = document.TokenText(chunk.Start, chunk.End);
        if (chunk.IsPronoun)
            return state.Antecedents(chunk.Mentions[0].Canonical, chunk.Start, chunk.End, text, group);
        if (chunk.Owners.Count > 0)
        {
            var head = chunk.Mentions[^1];
            var owners = new List<Actor>();
            foreach (var owner in chunk.Owners)
                foreach (var actor in Resolve(document, owner, state, group))
                {
                    string ownerSector = owner.Mentions.All(x => x.Kind is MentionKind.Country or MentionKind.Capital or MentionKind.Demonym) && head.Sector.Length > 0
                        ? head.Sector
                        : actor.Sector.Length > 0 ? actor.Sector : head.Sector;
                    owners.Add(actor with
                    {
                        Start = chunk.Start, End = chunk.End, Sector = chunk.Former ? "ELI" : ownerSector, Text = text, Group = group,
                        Office = Office(document, chunk) , Why = $"{head.Canonical} of {actor.Text}: {actor.Why}",
                    });
                }
            return owners;
        }
        if (chunk.Pair && chunk.Mentions.All(x => x.Kind is MentionKind.Role or MentionKind.Title or MentionKind.Institution))
        {
            var head = chunk.Mentions[^1];
            var pair = state.RecentPair(chunk.Start, chunk.End, text, group, head.Sector, people: head.Kind is MentionKind.Title or MentionKind.Role);
            if (pair.Count == 2) return pair;
        }

        var place = chunk.Find(x => x.Kind is MentionKind.Country or MentionKind.Demonym or MentionKind.Capital or MentionKind.Region or MentionKind.Seat);
        var person = chunk.Last(x => x.Kind == MentionKind.Person);
        var org = chunk.Last(x => x.Kind == MentionKind.Organization);
        var role = chunk.Last(x => x.Kind is MentionKind.Title or MentionKind.Role or MentionKind.Institution);

        string code = place?.Code ?? (person?.Code is { Length: > 0 } pc ? pc : null) ?? org?.Code ?? "";
        string why = place is not null ? $"'{document.TokenText(place.Start, place.End)}' is {place.Code}" :
            person is { Code.Length: > 0 } ? person.Why : org is not null ? org.Why : "";
        bool reference = false;
        // "ethnic Albanians demonstrated in Serbia": a minority is of the country it lives in.
        if (place?.Kind == MentionKind.Demonym && IsEthnic(document, chunk.Start, place.Start) && sentenceCountry is { } home && home != place.Code)
            (code, why) = (home, $"ethnic {document.TokenText(place.Start, place.End)}: a minority of {home}, the country named in the sentence");
        if (code.Length == 0 && partner is not null)
        {
            code = partner;
            why = $"coordinated with an actor of {partner}";
        }
        else if (code.Length == 0 && countryBefore is not null && role?.Sector is not ("GOV" or "MIL"))
        {
            code = countryBefore;
            why = $"the country named before it in the sentence";
        }
        if (code.Length == 0)
        {
            var inferred = state.InferCode(role?.Sector ?? person?.Sector ?? "");
            (code, why) = inferred.Code == "UNK" && sentenceCountry is not null
                ? (sentenceCountry, "the country named in the same sentence") : inferred;
            reference = true;
        }

        string sector;
        if (chunk.Former || role?.Sector == "ELI") sector = "ELI";
        else if (person is { Code.Length: > 0 }) sector = person.Sector;
        else if (role is not null && role.Sector.Length > 0) sector = role.Sector;
        else if (org is not null) sector = org.Sector;
        else if (person is not null) sector = person.Sector;
        else sector = place?.Kind is MentionKind.Capital or MentionKind.Seat or MentionKind.Region ? place.Sector : "";
        if (org is not null && place is not null && role is null && org.Sector.Length > 0) sector = org.Sector;

        var sectorWhy = sector.Length == 0 ? "" : chunk.Former ? "; 'former' makes it ELI" :
            person is { Code.Length: > 0 } ? $"; sector {sector} from {person.Why}" :
            role is not null ? $"; sector {sector} from '{document.TokenText(role.Start, role.End)}'" : "";
        return
        [
            new Actor(chunk.Start, chunk.End, code, sector)
            {
                Text = text,
                Office = Office(document, chunk),
                Why = why + sectorWhy,
                IsNewsSource = org is { Sector: "JRN" } && person is null,
                IsReference = reference || person?.Why.StartsWith("refers to", StringComparison.Ordinal) == true,
                Group = group,
            },
        ];
    }

    private static bool IsEthnic(Document document, int chunkStart, int demonym)
    {
        for (int t = Math.Max(0, chunkStart - 1); t < demonym; t++)
            if (document.Tokens[t].Lower == "ethnic") return true;
        return false;
    }

    private static string Office(Document document, Chunk chunk)
    {
        var person = chunk.Last(x => x.Kind == MentionKind.Person);
        if (person is { Office.Length: > 0 }) return person.Office;
        var title = chunk.Last(x => x.Kind is MentionKind.Title);
        return title is null ? "" : document.TokenText(title.Start, title.End);
    }
}
