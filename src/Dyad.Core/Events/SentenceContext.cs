using Dyad.Documents;
using Dyad.Knowledge;

namespace Dyad.Events;

/// <summary>One sentence with its actors and cue words, and the searches that find a trigger's arguments.</summary>
internal sealed class SentenceContext(Document document, Sentence sentence, int index, List<Actor> actors, Dictionary<int, (Cue Cue, int End)> cues)
{
    private const int RecipientWindow = 8;

    public Document Document { get; } = document;
    public Sentence Sentence { get; } = sentence;
    public int Index { get; } = index;
    public List<Actor> Actors { get; } = actors;
    public Dictionary<int, (Cue Cue, int End)> Cues { get; } = cues;

    /// <summary>The cue words in text order, sorted once for all the sentence's triggers.</summary>
    public List<KeyValuePair<int, (Cue Cue, int End)>> OrderedCues => _ordered ??= SortedCues();

    private List<KeyValuePair<int, (Cue Cue, int End)>>? _ordered;

    private List<KeyValuePair<int, (Cue Cue, int End)>> SortedCues()
    {
        var cues = new List<KeyValuePair<int, (Cue Cue, int End)>>(Cues);
        cues.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        return cues;
    }

    /// <summary>The counts the sentence states, found once for all its events.</summary>
    public EventSize Size => _size ??= SizeFinder.Find(Document.Slice(Sentence.Span));

    private EventSize? _size;

    /// <summary>Whether a cue of that kind stands within <paramref name="window"/> tokens before <paramref name="start"/> in the same clause.</summary>
    public bool Before(int start, int window, Cue cue)
    {
        for (int t = start - 1; t >= Math.Max(Sentence.FirstToken, start - window); t--)
        {
            if (Cues.TryGetValue(t, out var c))
            {
                if (c.Cue == cue && c.End <= start) return true;
                if (c.Cue is Cue.Boundary or Cue.Speech) return false;
            }
            if (Document.Tokens[t].Lower is "," or ":") return false;
        }
        return false;
    }

    /// <summary>The position of the hypothetical cue within four tokens before <paramref name="start"/>.</summary>
    public int HypotheticalBefore(int start)
    {
        for (int t = start - 1; t >= Math.Max(Sentence.FirstToken, start - 4); t--)
            if (Cues.TryGetValue(t, out var c) && c.Cue == Cue.Hypothetical) return t;
        return start;
    }

    /// <summary>Whether a reporting verb stands earlier in the sentence.</summary>
    public bool SpeechBefore(int start)
    {
        foreach (var (t, c) in Cues)
            if (t < start && c.Cue == Cue.Speech) return true;
        return false;
    }

    /// <summary>Whether "unless" or "if" follows the trigger in the sentence: a conditional promise or threat.</summary>
    public bool ConditionAfter(int end)
    {
        for (int t = end; t < Sentence.EndToken; t++)
            if (Document.Tokens[t].Lower is "unless" or "if") return true;
        return false;
    }

    /// <summary>Whether "that" stands in tokens [from, to): the start of a content clause.</summary>
    public bool ThatBetween(int from, int to)
    {
        for (int t = from; t < to; t++)
            if (Document.Tokens[t].Lower == "that") return true;
        return false;
    }

    /// <summary>"must" right after an actor, in reported speech: "the Red Cross said the forces must ensure security".</summary>
    public bool IsReportedObligation(int t) =>
        Document.Tokens[t].Lower == "must" && SpeechBefore(t) && ActorEndingAt(t, []).Count > 0;

    /// <summary>The actor (with its coordinated partners) whose phrase ends right before <paramref name="position"/>.</summary>
    public List<Actor> ActorEndingAt(int position, List<Actor> exclude)
    {
        foreach (var actor in Actors)
            if (actor.End == position && !actor.IsNewsSource && !exclude.Contains(actor)) return Group(actor, exclude);
        return [];
    }

    /// <summary>Whether what is asked follows in the clause: "to" before a verb ("to release") or "for" ("for calm").</summary>
    public bool ContentFollows(int end)
    {
        for (int t = end; t < Sentence.EndToken && !IsClauseEnd(t); t++)
        {
            string word = Document.Tokens[t].Lower;
            if (word == "for" || (word == "to" && t + 1 < Sentence.EndToken && IsModifier(t + 1))) return true;
        }
        return false;
    }

    /// <summary>The actor ending closest before <paramref name="position"/>, not before <paramref name="min"/>.</summary>
    public Actor? ActorBefore(int position, int min)
    {
        Actor? best = null;
        foreach (var a in Actors)
            if (a.End <= position && a.Start >= min && (best is null || a.End > best.End)) best = a;
        return best;
    }

    /// <summary>The actor starting within three tokens after <paramref name="position"/>.</summary>
    public Actor? ActorAfter(int position)
    {
        Actor? best = null;
        foreach (var a in Actors)
            if (a.Start >= position && a.Start <= position + 3 && (best is null || a.Start < best.Start)) best = a;
        return best;
    }

    /// <summary>The subject: the nearest actor before the trigger that is not inside a prepositional phrase, with its coordinated partners.</summary>
    public List<Actor> Subject(int start, int clauseStart, List<Actor> exclude)
    {
        // "an act that threatens peace": the subject of a relative clause is the word before "that".
        int relative = RelativePronounBefore(start);
        foreach (var actor in EndingBefore(start, clauseStart))
        {
            if (relative >= 0 && actor.End < relative - 1) break;
            if (actor.IsNewsSource || exclude.Contains(actor)) continue;
            var first = FirstOfGroup(actor);
            // "with the UN also condemning the coup": after "with", a noun before an -ing verb is its subject.
            bool withSubject = start - actor.End <= 2 && Document.Tokens[start].Lower.EndsWith("ing", StringComparison.Ordinal)
                && first.Start > Sentence.FirstToken && Document.Tokens[first.Start - 1].Lower == "with";
            if (IsPrepositionObject(first) && !withSubject) continue;
            // "Pakistan, a key U.S. ally, has refused": an actor inside an apposition gives way to the one it describes.
            if (AppositionHead(first, start, clauseStart) is { } head && !exclude.Contains(head) && !head.IsNewsSource) return Group(head, exclude);
            return Group(actor, exclude);
        }
        return [];
    }

    /// <summary>The actor just before the comma that opens an apposition holding <paramref name="inner"/>, closed by a comma right before the verb.</summary>
    private Actor? AppositionHead(Actor inner, int start, int clauseStart)
    {
        int close = inner.End;
        while (close < start && Document.Tokens[close].Lower != ",") close++;
        if (close >= start) return null;
        for (int t = close + 1; t < start; t++)
            if (Document.Tokens[t].Kind != TokenKind.Word || !char.IsLower(Document.Text[Document.Tokens[t].Span.Start]) || IsPreposition(t)) return null;
        for (int t = inner.Start - 1; t > clauseStart && t >= inner.Start - 8; t--)
        {
            if (IsClauseEnd(t)) return null;
            if (Document.Tokens[t].Lower != ",") continue;
            foreach (var a in Actors)
                if (a.End == t && a.Group != inner.Group) return a;
            return null;
        }
        return null;
    }

    /// <summary>
    /// For a nominal trigger: the actor just before it, directly ("the Russian invasion") or as a possessor with
    /// at most two words between ("Pyongyang's expanding military alliance").
    /// </summary>
    public List<Actor> Possessor(int start, List<Actor> exclude)
    {
        Actor? actor = null;
        foreach (var a in Actors)
            if (a.End <= start && start - a.End <= 3 && !a.IsNewsSource && !exclude.Contains(a) && (actor is null || a.End > actor.End)) actor = a;
        if (actor is null) return [];
        int t = actor.End;
        bool possessive = t < start && Document.Tokens[t].Lower is "'s" or "'";
        if (possessive) t++;
        if (!possessive && t < start) return [];
        for (; t < start; t++)
            if (!IsModifier(t)) return [];
        return Group(actor, exclude);
    }

    /// <summary>An actor in tokens [from, to) marked as a possessor: "the European Commission's".</summary>
    public List<Actor> PossessorWithin(int from, int to, List<Actor> exclude)
    {
        foreach (var actor in Actors)
            if (actor.Start >= from && actor.End < to && Document.Tokens[actor.End].Lower is "'s" or "'" && !actor.IsNewsSource && !exclude.Contains(actor))
                return Group(actor, exclude);
        return [];
    }

    /// <summary>The actor introduced by <paramref name="preposition"/> soon after the trigger ("attacked by X", "talks between X and Y").</summary>
    public List<Actor> AfterPreposition(int end, string preposition, List<Actor> exclude, int window = RecipientWindow)
    {
        for (int t = end; t < Math.Min(Sentence.EndToken, end + window); t++)
        {
            if (IsClauseEnd(t)) break;
            if (Document.Tokens[t].Lower != preposition) continue;
            Actor? actor = null;
            foreach (var a in Actors)
                if (a.Start > t && a.Start <= t + 3 && !a.IsNewsSource && !exclude.Contains(a) && (actor is null || a.Start < actor.Start)) actor = a;
            if (actor is not null && OnlyModifiers(t + 1, actor.Start)) return Group(actor, exclude);
        }
        return [];
    }

    /// <summary>The recipient: a direct object or the object of one of the trigger's prepositions.</summary>
    public List<Actor> Recipient(int end, Trigger trigger, List<Actor> exclude)
    {
        if (trigger.Preps.Count == 0) return [];
        // A noun takes no direct object: "the missile launch and urged Pyongyang" has no recipient for the launch;
        // a verb or a fixed verbal expression ("telephoned") does.
        bool takesObject = trigger.TakesObject && trigger.Pos != 'N';
        int limit = Math.Min(Sentence.EndToken, end + RecipientWindow);
        foreach (var actor in StartingIn(end, limit))
        {
            if (actor.IsNewsSource || exclude.Contains(actor) || ClauseEndBetween(end, actor.Start)) break;
            int before = actor.Start - 1;
            while (before >= end && IsModifier(before)) before--;
            if (before < end)
            {
                if (takesObject) return Group(actor, exclude);
                continue;
            }
            string word = Document.Tokens[before].Lower;
            // "demanded that its partners refuse": the one a demand is made of follows "that".
            bool introduced = trigger.Preps.Contains(word) || (word == "that" && trigger.Type == EventType.REQUEST);
            if (introduced && OnlyModifiers(before + 1, actor.Start)) return Group(actor, exclude);
            // A direct object may be reached through "of": "acknowledged the excellence of Korea's industry".
            if (takesObject && !HasPreposition(end, actor.Start, except: "of")) return Group(actor, exclude);
        }
        return [];
    }

    /// <summary>The first actor after the trigger in the same clause, within twenty tokens, not on the actor's side.</summary>
    public List<Actor> LaterInClause(int end, List<Actor> exclude, List<Actor> actors)
    {
        foreach (var actor in StartingIn(end, end + 20))
        {
            if (ClauseEndBetween(end, actor.Start)) break;
            if (actor.IsNewsSource || exclude.Contains(actor) || IsOwnSide(actor, actors, guess: true) || actor.Code == "UNK") continue;
            return Group(actor, exclude);
        }
        return [];
    }

    /// <summary>
    /// Whether a candidate recipient is on the actor's side: in its phrase, the same code and sector, or a
    /// state's own forces, named without a country ("Britain mobilized army reservists").
    /// A domestic event keeps its recipient: "police arrested protesters".
    /// </summary>
    /// A recipient guessed outside grammatical position is another country, or another sector of the same
    /// one when both are named: "Pyongyang condemned ..." is not aimed at North Korea.
    public static bool IsOwnSide(Actor candidate, List<Actor> actors, bool guess = false)
    {
        foreach (var x in actors)
            if (x.Group == candidate.Group || (x.Code == candidate.Code && (x.Sector == candidate.Sector
                || (candidate.IsReference && candidate.Sector == "MIL" && x.Sector is "" or "GOV")
                || (guess && (x.Sector.Length == 0 || candidate.Sector.Length == 0)))))
                return true;
        return false;
    }

    /// <summary>A light verb governing a nominal trigger: "staged a protest", "carried out deadly airstrikes".</summary>
    /// <summary>"announce", a speech verb that is also a light verb, right before a noun phrase: "announced a suspension".</summary>
    public bool SpeechVerbBefore(int start)
    {
        for (int t = start - 1; t >= Math.Max(Sentence.FirstToken, start - 5); t--)
        {
            if (Cues.TryGetValue(t, out var c) && c.End <= start) return c.Cue == Cue.Speech && Document.Tokens[t].Lower.StartsWith("announc", StringComparison.Ordinal);
            if (!IsModifier(t)) return false;
        }
        return false;
    }

    public int? LightVerbBefore(int start)
    {
        for (int t = start - 1; t >= Math.Max(Sentence.FirstToken, start - 5); t--)
        {
            if (Cues.TryGetValue(t, out var c) && c.Cue == Cue.Light && c.End <= start) return t;
            if (!IsModifier(t)) return null;
        }
        return null;
    }

    private int RelativePronounBefore(int start)
    {
        for (int t = start - 1; t >= Math.Max(Sentence.FirstToken, start - 3); t--)
        {
            if (Document.Tokens[t].Lower is "that" or "which" or "who" or "whom") return t;
            if (!IsModifier(t)) return -1;
        }
        return -1;
    }

    /// <summary>The actor's coordinated partners and itself, less news sources and excluded ones, one per code and sector.</summary>
    private List<Actor> Group(Actor actor, List<Actor> exclude)
    {
        var group = new List<Actor>();
        foreach (var a in Actors)
            if (a.Group == actor.Group && !a.IsNewsSource && !exclude.Contains(a) && !HasCodeAndSector(group, a))
                group.Add(a);
        return group;
    }

    private static bool HasCodeAndSector(List<Actor> actors, Actor actor)
    {
        foreach (var a in actors)
            if (a.Code == actor.Code && a.Sector == actor.Sector) return true;
        return false;
    }

    private Actor FirstOfGroup(Actor actor)
    {
        foreach (var a in Actors)
            if (a.Group == actor.Group) return a;
        return actor;
    }

    /// <summary>The actors within tokens [<paramref name="clauseStart"/>, <paramref name="position"/>), latest end first; ties keep text order.</summary>
    private List<Actor> EndingBefore(int position, int clauseStart)
    {
        var found = new List<Actor>();
        foreach (var a in Actors)
        {
            if (a.End > position || a.Start < clauseStart) continue;
            int i = found.Count;
            while (i > 0 && found[i - 1].End < a.End) i--;
            found.Insert(i, a);
        }
        return found;
    }

    /// <summary>The actors starting in [<paramref name="from"/>, <paramref name="to"/>), earliest first; ties keep text order.</summary>
    private List<Actor> StartingIn(int from, int to)
    {
        var found = new List<Actor>();
        foreach (var a in Actors)
        {
            if (a.Start < from || a.Start >= to) continue;
            int i = found.Count;
            while (i > 0 && found[i - 1].Start > a.Start) i--;
            found.Insert(i, a);
        }
        return found;
    }

    private static readonly HashSet<string> Quantities = new(StringComparer.Ordinal)
    {
        "thousands", "hundreds", "dozens", "millions", "scores", "tens", "some", "many", "most", "all", "several",
        "none", "each", "one", "two", "three", "four", "five", "both", "number", "group", "groups", "crowd", "crowds",
    };

    /// <summary>An actor after a preposition, except "of" after a quantity ("thousands of protesters").</summary>
    private bool IsPrepositionObject(Actor actor)
    {
        int t = actor.Start - 1;
        while (t >= Sentence.FirstToken && IsModifier(t)) t--;
        if (t < Sentence.FirstToken || !Cues.TryGetValue(t, out var c) || c.Cue != Cue.Preposition) return false;
        if (Document.Tokens[t].Lower != "of" || t - 1 < Sentence.FirstToken) return true;
        var before = Document.Tokens[t - 1];
        return before.Kind != TokenKind.Number && !Quantities.Contains(before.Lower);
    }

    /// <summary>Whether token <paramref name="t"/> is a preposition.</summary>
    public bool IsPreposition(int t) => Cues.TryGetValue(t, out var c) && c.Cue == Cue.Preposition;

    /// <summary>The word before <paramref name="t"/>, skipping adverbs and other modifiers.</summary>
    public string WordBefore(int t)
    {
        int k = t - 1;
        while (k > Sentence.FirstToken && Document.Tokens[k].Lower.EndsWith("ly", StringComparison.Ordinal)) k--;
        return k >= Sentence.FirstToken ? Document.Tokens[k].Lower : "";
    }

    private bool IsModifier(int t)
    {
        var token = Document.Tokens[t];
        return token.Kind is TokenKind.Word or TokenKind.Number && !Cues.ContainsKey(t)
            && (char.IsLower(Document.Text[token.Span.Start]) || token.Kind == TokenKind.Number) && token.Lower != "'s";
    }

    private bool OnlyModifiers(int from, int to)
    {
        for (int t = from; t < to; t++)
            if (!IsModifier(t)) return false;
        return true;
    }

    private bool HasPreposition(int from, int to, string except)
    {
        for (int t = from; t < to; t++)
            if (Cues.TryGetValue(t, out var c) && c.Cue == Cue.Preposition && Document.Tokens[t].Lower != except) return true;
        return false;
    }

    private bool IsClauseEnd(int t) =>
        Document.Tokens[t].Lower is ";" or "." || (Cues.TryGetValue(t, out var c) && c.Cue is Cue.Boundary or Cue.Speech or Cue.According);

    public bool ClauseEndBetween(int from, int to, bool commas = true)
    {
        for (int t = from; t < to; t++)
            if (IsClauseEnd(t) || (commas && Document.Tokens[t].Lower == ",")) return true;
        return false;
    }
}
