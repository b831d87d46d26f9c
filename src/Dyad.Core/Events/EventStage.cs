using Dyad.Documents;
using Dyad.Knowledge;
using Dyad.Pipeline;

namespace Dyad.Events;

/// <summary>
/// Finds triggers in each sentence and fills in the event around each: actor and recipient, reported speech,
/// negation and modality, PLOVER's future rule, date, place and size.
/// </summary>
public sealed class EventStage(TriggerLexicon lexicon, Cues cues, PlaceFinder places) : IStage
{
    private static readonly HashSet<string> BeForms = new(StringComparer.Ordinal)
    {
        "was", "were", "is", "are", "been", "being", "be", "got", "get", "gets",
    };

    /// <summary>"Russia said Sudan must return the helicopter": a reported obligation is a demand of the speaker.</summary>
    private static readonly Trigger Obligation = new("must", 'V', EventType.REQUEST, "", "100", []) { Head = "must", FirstLength = 1 };

    public string Name => "events";
    public Layer Needs => Layer.Actors;
    public Layer Produces => Layer.Events;

    public void Process(Document document)
    {
        var events = new List<Event>();
        var dates = DateFinder.Find(document.Text, new TextSpan(document.BodyStart, document.Text.Length), document.Article.Date);
        var leadDate = LeadDate(document, dates);
        var datelinePlace = places.Dateline(document);
        int a = 0;
        for (int s = 0; s < document.Sentences.Count; s++)
        {
            var sentence = document.Sentences[s];
            var actors = new List<Actor>();
            while (a < document.Actors.Count && document.Actors[a].Start < sentence.EndToken)
            {
                if (document.Actors[a].Start >= sentence.FirstToken) actors.Add(document.Actors[a]);
                a++;
            }
            if (IsHeadline(document, sentence, actors)) continue;
            var context = new SentenceContext(document, sentence, s, actors, CueMap(document, sentence));
            var sentenceDates = new List<DateMention>();
            foreach (var d in dates)
                if (sentence.Span.Contains(d.Span.Start)) sentenceDates.Add(d);
            int promiseEnd = -1;
            int promise = -1;
            int previousVerb = -1;
            var inActor = new bool[sentence.EndToken - sentence.FirstToken];
            foreach (var x in actors)
                for (int k = Math.Max(x.Start, sentence.FirstToken); k < Math.Min(x.End, sentence.EndToken); k++) inActor[k - sentence.FirstToken] = true;
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                if (inActor[t - sentence.FirstToken]) continue;
                // A capitalised word inside a sentence is a name ("Sue", "Operation Strike"), not a trigger.
                if (t > sentence.FirstToken && char.IsUpper(document.Text[document.Tokens[t].Span.Start])) continue;
                int end;
                Trigger? trigger;
                if (context.IsReportedObligation(t)) (trigger, end) = (Obligation, t + 1);
                else if (!lexicon.TryMatch(document, t, sentence.EndToken, out end, out trigger) || trigger is null) continue;
                // "ordered patrols", "launched airstrikes": a light verb lends its subject to the event its object names.
                if (trigger.Rest.Count == 0 && context.Cues.TryGetValue(t, out var cue) && cue.Cue == Cue.Light && NamedEvent(context, end) is not null)
                    continue;
                // What follows a promise in the same clause is promised too: "agreed to enhance ties by cooperating".
                // A verb joins the content through "to", "of", "for", "by", "must", an -ing form or a "that" clause
                // ("demanded that Hamas renounce violence"); a noun in the clause does
                // too, except after an accusation: "condemned the missile launch" names a launch that happened.
                bool promised = promiseEnd >= 0 && !context.ClauseEndBetween(promiseEnd, t, commas: false)
                    && (trigger.Pos == 'V'
                        ? context.WordBefore(t) is "to" or "of" or "for" or "by" or "must" || document.Tokens[t].Lower.EndsWith("ing", StringComparison.Ordinal)
                          || context.ThatBetween(promiseEnd, t)
                        : promise < 0 || events[promise].Type != EventType.ACCUSE);
                var ev = Code(context, trigger, t, end, sentenceDates, leadDate, datelinePlace, promised, events, previousVerb);
                if (trigger.Pos == 'V') previousVerb = t;
                if (ev is not null && promised && promise >= 0 && ev.Type != events[promise].Type)
                {
                    // "offered to hand over two suspects to Britain": the promise takes its content's recipient;
                    // what is promised, demanded, threatened or alleged is not reported as done.
                    if (events[promise].Type != EventType.ACCUSE && events[promise].Recipients.Count == 0 && ev.Recipients.Count > 0)
                        events[promise] = events[promise] with { Recipients = ev.Recipients, Reciprocal = false };
                    ev = null;
                }
                if (ev is not null) events.Add(ev);
                if (TakesContent(trigger.Type) || ev?.Modality is "future" or "intended")
                {
                    promiseEnd = end;
                    if (ev is not null && TakesContent(ev.Type)) promise = events.Count - 1;
                }
                t = end - 1;
            }
        }
        document.Events = events;
    }

    /// <summary>What is promised, demanded, threatened, alleged or refused is the content of that event.</summary>
    private static bool TakesContent(EventType type) =>
        type is EventType.AGREE or EventType.REQUEST or EventType.THREATEN or EventType.ACCUSE or EventType.REJECT;

    /// <summary>A title-case line ("US Troops End Somali Tour") restates the story; its words are not prose.
    /// Names are capitalised in any sentence, so only words outside actor phrases count.</summary>
    private static bool IsHeadline(Document document, Sentence sentence, List<Actor> actors)
    {
        int words = 0, capitals = 0;
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            var token = document.Tokens[t];
            if (!token.IsWord || token.Span.Length < 4 || InActor(actors, t)) continue;
            words++;
            if (char.IsUpper(document.Text[token.Span.Start])) capitals++;
        }
        return words >= 3 && capitals * 10 >= words * 8;
    }

    private static bool InActor(List<Actor> actors, int t)
    {
        foreach (var a in actors)
            if (a.Start <= t && t < a.End) return true;
        return false;
    }

    private Dictionary<int, (Cue Cue, int End)> CueMap(Document document, Sentence sentence)
    {
        var map = new Dictionary<int, (Cue, int)>();
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
            if (cues.TryMatch(document, t, sentence.EndToken, out int end, out var cue))
                map[t] = (cue, end);
        return map;
    }

    /// <summary>The day of the story's main happening: the first date in the body that is not the day of a statement.</summary>
    private DateOnly? LeadDate(Document document, List<DateMention> dates)
    {
        foreach (var d in dates)
            if (d.Date is not null && !d.Vague && !AfterSpeech(document, d.Span.Start)) return d.Date;
        return document.Article.Date;
    }

    /// <summary>"said Saturday", "said on Saturday": the day of a statement, not of the event it reports.</summary>
    private bool AfterSpeech(Document document, int position)
    {
        int t = TokenAt(document, position) - 1;
        if (t >= 0 && document.Tokens[t].Lower == "on") t--;
        if (t >= 0 && document.Tokens[t].Lower == "reporters") t--;
        return t >= 0 && cues.TryMatch(document, t, t + 1, out _, out var cue) && cue == Cue.Speech;
    }

    private static int TokenAt(Document document, int position)
    {
        int lo = 0, hi = document.Tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (document.Tokens[mid].Span.Start < position) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private Event? Code(SentenceContext c, Trigger trigger, int start, int end, List<DateMention> dates, DateOnly? leadDate, EventPlace? datelinePlace, bool promised, List<Event> earlier, int previousVerb)
    {
        var document = c.Document;
        // "the detained fishermen", "the release of jailed activists": a participle after a determiner or a
        // preposition describes, it does not report.
        if (trigger.Pos == 'V' && start > c.Sentence.FirstToken && (document.Tokens[start - 1].Lower is "the" or "a" or "an" or "its" or "their" or "his" or "her"
                || (c.IsPreposition(start - 1) && document.Tokens[start - 1].Lower != "by"))
            && document.Tokens[start].Lower.EndsWith("ed", StringComparison.Ordinal))
            return null;
        var modality = Modality(c, trigger, start);
        if (promised && modality == "asserted") modality = "intended";
        if (modality == "hypothetical") return null;
        bool negated = c.Before(start, 3, Cue.Negation);

        // Reported speech: a speaker before the trigger ("X said Y ...") bounds the actor search.
        int clauseStart = c.Sentence.FirstToken;
        var reporters = new List<Actor>();
        foreach (var (position, (cue, cueEnd)) in c.OrderedCues)
        {
            if (cue == Cue.Speech && position < start)
            {
                var speaker = c.Subject(position, clauseStart, reporters).FirstOrDefault();
                if (speaker is not null) reporters.Add(speaker);
                clauseStart = cueEnd;
            }
            else if (cue == Cue.Speech && position >= end)
            {
                // ", Seoul's defense ministry said" or "said the ministry": the speaker stands next to the verb.
                var speaker = c.ActorBefore(position, end) is { } before && before.End >= position - 1 ? before : c.ActorAfter(cueEnd);
                if (speaker is not null) reporters.Add(speaker);
            }
            else if (cue == Cue.According)
            {
                var source = c.ActorAfter(cueEnd);
                if (source is not null) reporters.Add(source);
            }
        }
        foreach (var x in c.Actors)
            if (x.IsNewsSource) reporters.Add(x);

        bool passive = trigger.Pos == 'V' && (IsPassive(c, start) || IsReducedPassive(c, trigger, start, end));
        List<Actor> actors;
        List<Actor> recipients;
        if (ReferenceEquals(trigger, Obligation))
        {
            actors = [.. reporters.Where(r => !r.IsNewsSource && r.End <= start).Take(1)];
            recipients = c.ActorEndingAt(start, reporters);
        }
        else if (passive)
        {
            // The agent follows closely: "was attacked overnight by Russian forces".
            actors = c.AfterPreposition(end, "by", reporters, window: 4);
            recipients = c.Subject(start, clauseStart, reporters);
            // "A camp for Congolese refugees was attacked": the target may be named inside the subject's phrase.
            if (recipients.Count == 0 && c.ActorBefore(start, clauseStart) is { IsNewsSource: false } inside && !reporters.Contains(inside))
                recipients = [inside];
        }
        else if (trigger.Pos is 'N' or 'X')
        {
            actors = c.Possessor(start, reporters);
            // "Mugabe's assassination": a person before a violent noun is its victim, not its actor.
            if (actors.Count > 0 && trigger.Type is EventType.ASSAULT or EventType.COERCE && actors.All(a => a.Office.Length > 0 || a.IsReference))
                return null;
            if (actors.Count == 0 && c.LightVerbBefore(start) is int light) actors = c.Subject(light, clauseStart, reporters);
            if (actors.Count == 0) actors = c.AfterPreposition(end, "between", reporters);
            if (actors.Count == 0) actors = c.AfterPreposition(end, "by", reporters);
            // "Israel is opposed to the plan": a predicate expression after a form of "be" takes the clause subject.
            if (actors.Count == 0 && trigger.Pos == 'X' && trigger.Type is not (EventType.COERCE or EventType.ASSAULT or EventType.SANCTION)
                && (BeForms.Contains(document.Tokens[start].Lower) || BeForms.Contains(c.WordBefore(start))))
                actors = c.Subject(start, clauseStart, reporters);
            // "Italy announced a suspension of air links": a speech verb that is also a light verb makes its speaker the actor.
            if (actors.Count == 0 && c.SpeechVerbBefore(start) && reporters.Count > 0 && !reporters[^1].IsNewsSource && reporters[^1].End <= start)
                actors = [reporters[^1]];
            recipients = c.Recipient(end, trigger, reporters);
        }
        else
        {
            int objectStart = trigger.Rest.Count > 0 ? start + trigger.FirstLength : end;
            // "killed one soldier and wounded two others", "stormed the embassy, torching a car": a verb joined by
            // "and" or a participle after a comma shares the subject of the verb before it.
            bool coordinated = previousVerb >= clauseStart && !c.ClauseEndBetween(previousVerb, start, commas: false)
                && (c.WordBefore(start) == "and" || (c.WordBefore(start) == "," && document.Tokens[start].Lower.EndsWith("ing", StringComparison.Ordinal)));
            actors = c.Subject(coordinated ? previousVerb : start, clauseStart, reporters);
            if (actors.Count == 0 && reporters.Count > 0 && !reporters[0].IsNewsSource && reporters[0].End <= start)
                actors = [reporters[0]];
            recipients = c.Recipient(objectStart, trigger, reporters);
            // "accept the Commission's proposal": the possessor in the gap of a phrase row is its author.
            if (recipients.Count == 0 && trigger.Rest.Count > 0) recipients = c.PossessorWithin(objectStart, end, reporters);
        }
        if (actors.Count == 0 && passive && recipients.Count > 0 && trigger.Type is EventType.COERCE or EventType.SANCTION)
        {
            // "X was arrested": without "by", the authorities of X's country acted.
            actors = [recipients[0] with { Sector = "GOV", Text = "authorities", Why = $"agentless passive: the authorities of {recipients[0].Code}", IsReference = true, Group = -1 }];
        }
        // "A roadside bombing near Samarra killed a soldier", "civilians were killed in Baghdad": violence by
        // someone unnamed is coded, as ICEWS does, to unidentified attackers of the country where it happened.
        if (actors.Count == 0 && recipients.Count > 0 && trigger.Type == EventType.ASSAULT && trigger.Pos == 'V' && modality == "asserted" && !AfterArticle(c, start))
        {
            // "killed in a Saudi-led coalition air strike": the author of the violence named after it.
            actors = ViolenceAfter(c, end) is int named ? c.Possessor(named, reporters) : [];
            if (actors.Count == 0 && (places.Find(document, c.Sentence.FirstToken, c.Sentence.EndToken, start, [.. recipients.Select(r => r.Code)]) ?? datelinePlace) is { CountryCode: { } struck })
                actors = [Implied(struck, "", start, $"no attacker is named: unidentified attackers in {struck}")];
        }
        // "'We call on the military ...,' the State Department said": the first person of a quote is its speaker.
        bool firstPerson = actors.Count == 0 ? c.WordBefore(start) is "we" or "i"
            : actors.All(a => a.End > a.Start && document.Tokens[a.Start].Lower is "we" or "i");
        if (firstPerson && reporters.FirstOrDefault(r => !r.IsNewsSource && r.End > r.Start && r.Start > start) is { } quoted)
            actors = [quoted];
        if (actors.Count == 0) return null;
        // "marched to demand reforms", "protesters demanding reforms": a demand addressed to no one is a slogan, not a request.
        if (trigger.Type == EventType.REQUEST && recipients.Count == 0 && !promised && trigger.Pos == 'V'
            && (modality == "intended" || (document.Tokens[start].Lower.EndsWith("ing", StringComparison.Ordinal) && !BeForms.Contains(c.WordBefore(start)))))
            return null;
        // "rejected an offer from Afghanistan", "condemned the test": the object names an event, whose author is the recipient.
        if (recipients.Count == 0 && trigger.TakesObject && !passive && trigger.Pos == 'V'
            && NamedEvent(c, trigger.Rest.Count > 0 ? start + trigger.FirstLength : end) is var (namedStart, namedEnd, namedTrigger))
            recipients = AuthorOfNamedEvent(c, namedStart, namedEnd, namedTrigger, earlier, actors, reporters);
        recipients = [.. recipients.Where(r => !SentenceContext.IsOwnSide(r, actors))];
        // With no recipient in grammatical position, the next actor of the clause is the target:
        // "denounced as an ugly crime Serbia's suppression", "rejected recent calls by Belarus".
        if (recipients.Count == 0)
            recipients = c.LaterInClause(end, reporters, actors);

        var triggerSpan = document.TokenSpan(start, end);
        var countries = new List<string>();
        foreach (var x in actors.Concat(recipients))
            if (!countries.Contains(x.Code)) countries.Add(x.Code);
        var stated = places.Find(document, c.Sentence.FirstToken, c.Sentence.EndToken, start, countries);
        var place = stated ?? datelinePlace;
        if (recipients.Count == 0 && trigger.Type == EventType.PROTEST)
            recipients = [ImplicitState(place?.CountryCode ?? actors[0].Code, start)];
        // An act with no one named acts on the place it happens in: "lifted the emergency in West Darfur",
        // "agreed to set up a research centre in Tokyo". A meeting of several parties has none.
        else if (recipients.Count == 0 && stated?.CountryCode is { } where && !(actors.Count > 1 && IsMutual(trigger.Type)))
            recipients = [ImplicitState(where, start)];
        // "Wehbe apologized over his remarks": with no one named in the sentence, the other party of the previous ones.
        else if (recipients.Count == 0 && !(actors.Count > 1 && IsMutual(trigger.Type)) && PreviousParty(c, actors) is { } previous)
            recipients = [previous];
        // "The teachers' union called off its strike": with no target named and no other state in the sentence,
        // a domestic act is aimed at its own state. Not an attack: "an Israeli air strike" is rarely on Israel.
        else if (recipients.Count == 0 && trigger.Type is not (EventType.MOBILIZE or EventType.CONSULT or EventType.COOPERATE or EventType.ASSAULT)
                 && DomesticState(c, actors) is { } home)
            recipients = [home];

        var type = trigger.Type;
        string cameo = trigger.Cameo;
        string mode = trigger.Mode;
        // "called on the President" with nothing asked of him is a courtesy visit, not a demand.
        if (trigger.Phrase is "call on" or "call upon" && !c.ContentFollows(end))
            (type, cameo, mode) = (EventType.CONSULT, "042", "visit");
        // Exercises of several states together are joint exercises: material cooperation.
        if (type == EventType.MOBILIZE && recipients.Count == 0 && actors.Select(a => a.Code).Distinct().Count() > 1)
            (type, cameo, mode) = (EventType.COOPERATE, "062", "");
        // An explicit future ("will", "plans to") of a conflictual act is a threat; a bare infinitive
        // ("used tear gas to disperse protesters") states a purpose and keeps its type.
        // "will not accept", "would not allow": a refusal announced for the future is a rejection, not a negated act.
        if (negated && modality == "future" && (IsCooperative(type) || type == EventType.CONCEDE))
            (type, cameo, mode, negated, modality) = (EventType.REJECT, "120", "", false, "asserted");
        if (modality == "future" || (modality == "intended" && IsCooperative(type)))
        {
            var (future, futureCameo) = Future(type, cameo, c.ConditionAfter(end), modality == "future");
            if (future != type) (type, cameo, mode) = (future, futureCameo, "");
        }

        // "failed to reach agreement": a refused meeting or deal of several parties is mutual too.
        bool reciprocal = recipients.Count == 0 && actors.Count > 1 && (IsMutual(type) || mode == "meet");

        var date = NearestDate(document, dates, triggerSpan);
        var reportedBy = new List<string>();
        foreach (var r in reporters)
            if (r.Text.Length > 0 && !reportedBy.Contains(r.Text)) reportedBy.Add(r.Text);
        if (document.Article.Source is { Length: > 0 } outlet && !reportedBy.Contains(outlet)) reportedBy.Add(outlet);

        return new Event(type, cameo, triggerSpan, c.Index)
        {
            Modes = mode.Length > 0 ? [mode] : [],
            Actors = actors,
            Recipients = recipients,
            Reciprocal = reciprocal,
            Date = date?.Date ?? leadDate,
            DateSpan = date?.Span ?? default,
            Place = place,
            ReportedBy = reportedBy,
            Negated = negated,
            Modality = modality,
            Size = c.Size,
        };
    }

    /// <summary>A nominal trigger within the first words of a verb's object ("a fresh offer", "the test").</summary>
    private (int Start, int End, Trigger Trigger)? NamedEvent(SentenceContext c, int from)
    {
        for (int t = from; t < c.Sentence.EndToken && t < from + 4 && c.Document.Tokens[t].IsWord; t++)
        {
            if (!lexicon.TryMatch(c.Document, t, c.Sentence.EndToken, out int end, out var trigger)) continue;
            return trigger?.Pos is 'N' or 'X' ? (t, end, trigger) : null;
        }
        return null;
    }

    /// <summary>The author of a named event: its possessor, "by X" or "from X" after it, or the actor of the latest earlier event of its type.</summary>
    private static List<Actor> AuthorOfNamedEvent(SentenceContext c, int start, int end, Trigger named, List<Event> earlier, List<Actor> actors, List<Actor> exclude)
    {
        var author = c.Possessor(start, exclude);
        if (author.Count == 0) author = c.AfterPreposition(end, "by", exclude);
        if (author.Count == 0) author = c.AfterPreposition(end, "from", exclude);
        if (author.Count == 0)
        {
            var previous = earlier.LastOrDefault(e => e.Type == named.Type && !e.Actors.Any(a => actors.Any(x => x.Code == a.Code)));
            if (previous is not null)
                author = [.. previous.Actors.Select(a => a with { IsReference = true, Why = $"actor of the {named.Type} named by '{named.Phrase}': {a.Why}" })];
        }
        return [.. author.Where(a => !actors.Any(x => x.Group == a.Group))];
    }

    private static bool IsCooperative(EventType type) => type is EventType.CONSULT or EventType.SUPPORT
        or EventType.COOPERATE or EventType.AID or EventType.RETREAT or EventType.AGREE;

    /// <summary>The latest actor of the two previous sentences that is not on the actor's side.</summary>
    private static Actor? PreviousParty(SentenceContext c, List<Actor> actors)
    {
        var all = c.Document.Actors;
        if (c.Index == 0) return null;
        var previous = c.Document.Sentences[Math.Max(0, c.Index - 2)];
        // Actors are in text order: find the first one of this sentence, then walk back.
        int lo = 0, hi = all.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (all[mid].Start < c.Sentence.FirstToken) lo = mid + 1; else hi = mid;
        }
        for (int i = lo - 1; i >= 0; i--)
        {
            var a = all[i];
            if (a.Start < previous.FirstToken) break;
            if (a.IsNewsSource || a.Code is "UNK" or "" || SentenceContext.IsOwnSide(a, actors, guess: true)) continue;
            return a with { IsReference = true, Why = $"no target in the sentence: the other party named before it, '{a.Text}' ({a.Code})" };
        }
        return null;
    }

    /// <summary>The actors' one state, when every other actor of the sentence is of it or of no state.</summary>
    private static Actor? DomesticState(SentenceContext c, List<Actor> actors)
    {
        string code = actors[0].Code;
        if (!IsState(code) || actors.Any(a => a.Code != code)) return null;
        if (c.Actors.Any(a => !a.IsNewsSource && a.Code != code && IsState(a.Code))) return null;
        return Implied(code, "", actors[0].Start, $"no target is named and no other state in the sentence: a domestic act, aimed at {code}");
    }

    /// <summary>A state's code, not an international body's or an unknown one.</summary>
    private static bool IsState(string code) => code.Length == 3 && code is not ("UNK" or "IGO" or "UNO" or "EUR" or "NGO" or "IMG" or "MNC");

    /// <summary>Where a noun of violence starts within the six words after <paramref name="from"/> ("in an Israeli air strike").</summary>
    private int? ViolenceAfter(SentenceContext c, int from)
    {
        for (int t = from; t < c.Sentence.EndToken && t < from + 6; t++)
            if (lexicon.TryMatch(c.Document, t, c.Sentence.EndToken, out _, out var trigger) && trigger is { Pos: 'N', Type: EventType.ASSAULT })
                return t;
        return null;
    }

    /// <summary>"an alleged plot to kill": a verb row used as a noun.</summary>
    private static bool AfterArticle(SentenceContext c, int start)
    {
        for (int t = start - 1; t >= Math.Max(c.Sentence.FirstToken, start - 2); t--)
            if (c.Document.Tokens[t].Lower is "a" or "an" or "the") return true;
        return false;
    }

    /// <summary>Types whose events among several parties are mutual: "A and B met".</summary>
    private static bool IsMutual(EventType type) => type is EventType.CONSULT or EventType.AGREE or EventType.COOPERATE or EventType.SUPPORT;

    /// <summary>The state where an event happens, as its implied target (PLOVER codes protests that way).</summary>
    private static Actor ImplicitState(string code, int at) => Implied(code, "GOV", at, $"no target is named: the state where it happens ({code})");

    /// <summary>A party the text implies but does not name: no words of its own, a reason instead.</summary>
    private static Actor Implied(string code, string sector, int at, string why) => new(at, at, code, sector)
    {
        Text = "",
        Why = why,
        IsReference = true,
        Group = -1,
    };

    private static string Modality(SentenceContext c, Trigger trigger, int start)
    {
        // "said they would meet": in reported speech "would" is the future of the report, not a hypothesis.
        if (c.Before(start, 4, Cue.Hypothetical))
            return c.Document.Tokens[c.HypotheticalBefore(start)].Lower == "would" && c.SpeechBefore(start) ? "future" : "hypothetical";
        if (c.Before(start, 3, Cue.Future)) return "future";
        // "agreed to cooperate", "pledged to provide aid": an infinitive under another verb is intended, not done.
        if (start > c.Sentence.FirstToken && c.Document.Tokens[start - 1].Lower == "to" && trigger.Pos == 'V'
            && c.Document.Tokens[start].Lower == trigger.Head) return "intended";
        return "asserted";
    }

    /// <summary>
    /// PLOVER: promised cooperation is AGREE; an announced future withdrawal is CONCEDE; a future act of
    /// conflict, or one on a condition ("unless ..."), is a threat.
    /// </summary>
    private static (EventType, string) Future(EventType type, string cameo, bool conditional, bool stated) => type switch
    {
        // "would meet the mediator if he gave them a veto": a conditional offer is still an offer.
        _ when conditional && type is not (EventType.THREATEN or EventType.AGREE or EventType.CONSULT or EventType.SUPPORT
            or EventType.COOPERATE or EventType.AID) => (EventType.THREATEN, "130"),
        // "announced it would cut all aid": a reduction of relations decided for later is a sanction, not a threat.
        EventType.SANCTION when stated => (type, cameo),
        EventType.ASSAULT or EventType.COERCE or EventType.SANCTION or EventType.PROTEST => (EventType.THREATEN, "130"),
        EventType.CONSULT => (EventType.AGREE, "036"),
        EventType.SUPPORT => (EventType.AGREE, "032"),
        EventType.COOPERATE => (EventType.AGREE, "030"),
        EventType.AID => (EventType.AGREE, "033"),
        // CAMEO 035x: an explicit "will release", "would allow" is an expressed intent to yield, which is AGREE.
        EventType.RETREAT or EventType.CONCEDE when stated => (EventType.AGREE, type == EventType.RETREAT && cameo.StartsWith("084", StringComparison.Ordinal) ? "0353" : "035"),
        EventType.RETREAT => (EventType.CONCEDE, "0356"),
        _ => (type, cameo),
    };

    /// <summary>
    /// "civilians killed in an air strike": a participle of a transitive trigger followed by a preposition it
    /// does not take. Protesting is done, not suffered: "Serbs protested in Kosovo" is active.
    /// </summary>
    private static bool IsReducedPassive(SentenceContext c, Trigger trigger, int start, int end)
    {
        if (trigger.Type == EventType.PROTEST || !trigger.TakesObject || trigger.Rest.Count > 0 || end >= c.Sentence.EndToken || start == c.Sentence.FirstToken) return false;
        if (!c.Document.Tokens[start].Lower.EndsWith("ed", StringComparison.Ordinal)) return false;
        return c.IsPreposition(end) && !trigger.Preps.Contains(c.Document.Tokens[end].Lower)
            && c.Actors.Any(a => a.End == start);
    }

    private static bool IsPassive(SentenceContext c, int start)
    {
        var tokens = c.Document.Tokens;
        string word = tokens[start].Lower;
        if (!(word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("en", StringComparison.Ordinal) || word is "held" or "shot" or "struck" or "hit" or "met" or "sent" or "seized" or "put" or "led" or "fought")) return false;
        for (int t = start - 1; t >= Math.Max(c.Sentence.FirstToken, start - 3); t--)
        {
            if (BeForms.Contains(tokens[t].Lower)) return true;
            if (!tokens[t].Lower.EndsWith("ly", StringComparison.Ordinal) && tokens[t].Lower is not ("reportedly" or "allegedly" or "also" or "not")) return false;
        }
        return false;
    }

    private DateMention? NearestDate(Document document, List<DateMention> dates, TextSpan trigger)
    {
        DateMention? best = null;
        int bestDistance = int.MaxValue;
        foreach (var d in dates)
        {
            if (d.Date is null || AfterSpeech(document, d.Span.Start)) continue;
            int distance = d.Span.Start >= trigger.End ? d.Span.Start - trigger.End : trigger.Start - d.Span.End;
            if (distance < bestDistance)
            {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }
}
