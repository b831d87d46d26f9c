using Dyad.Documents;
using Dyad.Knowledge;
using Dyad.Pipeline;

namespace Dyad.Actors;

/// <summary>Finds dictionary mentions (states, organisations, people, titles, roles, pronouns) in every sentence.</summary>
public sealed class MentionStage(ActorKnowledge knowledge, TriggerLexicon triggers) : IStage
{
    public string Name => "mentions";
    public Layer Needs => Layer.Sentences;
    public Layer Produces => Layer.Mentions;

    public void Process(Document document)
    {
        var mentions = new List<Mention>();
        var tokens = document.Tokens;
        string text = document.Text;
        foreach (var sentence in document.Sentences)
        {
            int t = sentence.FirstToken;
            while (t < sentence.EndToken)
            {
                bool name = knowledge.Names.TryMatch(text, tokens, t, sentence.EndToken, out int nameEnd, out var nameEntries);
                bool role = knowledge.Roles.TryMatch(text, tokens, t, sentence.EndToken, out int roleEnd, out var roleEntries);
                // A role word that begins a longer event phrase ("troop deployment") belongs to the event.
                if (role && triggers.TryMatch(document, t, sentence.EndToken, out int triggerEnd, out _) && triggerEnd > roleEnd)
                    role = false;
                // A one-word role before an event noun is its modifier: "military cooperation", "police raid".
                if (role && roleEnd == t + 1 && roleEnd < sentence.EndToken
                    && triggers.TryMatch(document, roleEnd, sentence.EndToken, out _, out var next) && next?.Pos == 'N')
                    role = false;
                if (name && (!role || nameEnd >= roleEnd) && (nameEntries[^1].Code == ActorKnowledge.NotAnActor || IsBracketedAbbreviation(document, t, nameEnd, nameEntries)))
                {
                    t = nameEnd;
                }
                else if (name && (!role || nameEnd >= roleEnd))
                {
                    mentions.Add(ToMention(t, nameEnd, Choose(nameEntries, document.Article.Date)));
                    t = nameEnd;
                }
                else if (role)
                {
                    mentions.Add(ToMention(t, roleEnd, Describe(roleEntries[0])));
                    t = roleEnd;
                }
                else
                {
                    if (tokens[t].Lower is "he" or "she" or "they" or "it" or "we" or "him" or "them")
                        mentions.Add(new Mention(t, t + 1, MentionKind.Pronoun, "", "", tokens[t].Lower));
                    t++;
                }
            }
        }
        document.Mentions = mentions;
    }

    /// <summary>"Montenegro Municipality Association (AKK)": letters in brackets after a name abbreviate that name, not a person.</summary>
    private static bool IsBracketedAbbreviation(Document document, int start, int end, IReadOnlyList<ActorEntry> entries)
    {
        var tokens = document.Tokens;
        if (end != start + 1 || start < 2 || end >= tokens.Count || tokens[start - 1].Lower != "(" || tokens[end].Lower != ")") return false;
        if (entries.Any(e => e.Kind != MentionKind.Person)) return false;
        var before = tokens[start - 2];
        return before.IsWord && char.IsUpper(document.Text[before.Span.Start]);
    }

    private static Mention ToMention(int start, int end, (ActorEntry Entry, string Sector, string Why) chosen) =>
        new(start, end, chosen.Entry.Kind, chosen.Entry.Code, chosen.Sector, chosen.Entry.Canonical)
        {
            Office = chosen.Entry.Office,
            Why = chosen.Why,
        };

    private static (ActorEntry Entry, string Sector, string Why) Describe(ActorEntry e) => (e, e.Sector, $"{e.Source}: '{e.Canonical}'");

    /// <summary>Picks among entries for one surface form: people by the article's date, others by file order.</summary>
    internal static (ActorEntry Entry, string Sector, string Why) Choose(IReadOnlyList<ActorEntry> entries, DateOnly? date)
    {
        // Files load built-in first, users' last: the last row for a phrase wins.
        if (!HasPerson(entries)) return Describe(entries[^1]);
        var people = entries.Where(e => e.Kind == MentionKind.Person).ToList();
        if (date is DateOnly d)
        {
            var current = people.Where(e => e.Covers(d)).OrderByDescending(e => e.From ?? DateOnly.MinValue).FirstOrDefault();
            if (current is not null)
                return (current, current.Sector, $"{current.Source}: {current.Canonical}, {current.Office} {Range(current)} covers {d:yyyy-MM-dd}");
            var past = people.Where(e => e.To < d).OrderByDescending(e => e.To).FirstOrDefault();
            if (past is not null)
                return (past, "ELI", $"{past.Source}: {past.Canonical}, former {past.Office} {Range(past)}, before {d:yyyy-MM-dd}");
            var future = people.OrderBy(e => e.From ?? DateOnly.MaxValue).First();
            return (future, future.Sector, $"{future.Source}: {future.Canonical}, {future.Office} {Range(future)} (later office)");
        }
        var latest = people.OrderByDescending(e => e.To ?? DateOnly.MaxValue).ThenByDescending(e => e.From ?? DateOnly.MinValue).First();
        return (latest, latest.Sector, $"{latest.Source}: {latest.Canonical}, {latest.Office} {Range(latest)} (no article date: latest office)");
    }

    private static bool HasPerson(IReadOnlyList<ActorEntry> entries)
    {
        foreach (var e in entries)
            if (e.Kind == MentionKind.Person) return true;
        return false;
    }

    private static string Range(ActorEntry e) => $"{e.From?.ToString("yyyy-MM-dd") ?? "..."} to {e.To?.ToString("yyyy-MM-dd") ?? "now"}";
}
