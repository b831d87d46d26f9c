using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Knowledge;

/// <summary>One lexicon row: a phrase that signals an event of a PLOVER type.</summary>
public sealed record Trigger(string Phrase, char Pos, EventType Type, string Mode, string Cameo, IReadOnlyList<string> Preps)
{
    /// <summary>Word sequences after the first, each reached across a gap of up to four tokens ("impose * sanctions").</summary>
    public IReadOnlyList<string[]> Rest { get; init; } = [];
    /// <summary>The plural of each word of <see cref="Rest"/>, computed once: gap words are compared at many tokens.</summary>
    internal IReadOnlyList<string[]> RestPlurals { get; init; } = [];
    /// <summary>Numbers standing for the first gap word and its plural, which are compared with many tokens.</summary>
    internal (int Word, int Plural) RestIds { get; init; }
    /// <summary>How many words the part before the first gap has; a recipient may stand in the gap ("accused * of").</summary>
    public int FirstLength { get; init; }
    /// <summary>The first word as written in the lexicon: for a verb, its base form.</summary>
    public string Head { get; init; } = "";
    /// <summary>How many literal words the phrase has (its gaps not counted): of two rows ending at the same word, the more specific wins.</summary>
    internal int Words { get; init; }
    /// <summary>The row's place in the lexicon (built-in rows first): the last tie-breaker.</summary>
    internal int Order { get; init; }
    /// <summary>The recipient may be the direct object ("-") or stand in the gap ("*": "accused * of shelling").</summary>
    public bool TakesObject => Preps.Contains("-") || Preps.Contains("*");
}

/// <summary>The trigger lexicon compiled into a prefix tree over lower-cased tokens, with inflections expanded.</summary>
public sealed class TriggerLexicon
{
    public const string File = "events/triggers.tsv";
    public const int MaxGap = 4;
    /// <summary>Names in a gap do not count against <see cref="MaxGap"/> ("defended Iraq and Libya against criticism"), up to this many tokens in all.</summary>
    private const int MaxGapTokens = 10;

    private readonly PhraseTrie<Trigger> _trie = new(lowerCase: true);
    private readonly Dictionary<(string, char), Trigger> _rows = new();
    private readonly Dictionary<string, int> _gapWordIds = new(StringComparer.Ordinal);
    private readonly Inflector _inflector;
    private int _next;

    private TriggerLexicon(Inflector inflector) => _inflector = inflector;


    public static TriggerLexicon Load(Inflector inflector, IEnumerable<string>? userFiles = null)
    {
        var lexicon = new TriggerLexicon(inflector);
        foreach (var r in DataFile.EmbeddedRows(File, 5, 6)) lexicon.AddRow(r, File);
        foreach (var file in userFiles ?? [])
            foreach (var r in DataFile.FileRows(file, 3, 6)) lexicon.AddRow(r, file);
        lexicon.Compile();
        return lexicon;
    }

    private void AddRow(string[] r, string file)
    {
        string phrase = string.Join(' ', r[0].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (r[1].Length != 1 || r[1][0] is not ('V' or 'N' or 'X'))
            throw new DyadException(ErrorCodes.BadData, $"{file}: '{r[0]}': pos must be V, N or X, not '{r[1]}'");
        char pos = r[1][0];
        if (r[2] == "-")
        {
            _rows.Remove((phrase, pos));
            return;
        }
        if (!Enum.TryParse<EventType>(r[2], ignoreCase: false, out var type))
            throw new DyadException(ErrorCodes.BadData, $"{file}: '{r[0]}': unknown event type '{r[2]}'");
        string mode = r.Length > 3 ? r[3] : "";
        string cameo = r.Length > 4 ? r[4] : "";
        var preps = r.Length > 5 && r[5].Length > 0 ? r[5].Split('|', StringSplitOptions.RemoveEmptyEntries) : [];
        // A replaced row keeps its place; a new row goes last.
        int order = _rows.TryGetValue((phrase, pos), out var old) ? old.Order : _next++;
        _rows[(phrase, pos)] = new Trigger(phrase, pos, type, mode, cameo, preps) { Order = order };
    }

    private void Compile()
    {
        foreach (var trigger in _rows.Values)
        {
            var segments = trigger.Phrase.Split(" * ").Select(s => s.Split(' ')).ToList();
            var first = segments[0];
            var rest = segments.Skip(1).ToArray();
            var plurals = rest.Select(segment => segment.Select(Inflector.Plural).ToArray()).ToArray();
            var withRest = trigger with
            {
                Rest = rest, RestPlurals = plurals, FirstLength = first.Length, Head = first[0],
                RestIds = rest.Length > 0 ? (GapWordId(rest[0][0]), GapWordId(plurals[0][0])) : default,
                Words = first.Length + rest.Sum(segment => segment.Length),
            };
            if (trigger.Pos == 'V')
            {
                foreach (var form in _inflector.VerbForms(first[0]))
                    _trie.Add([form, .. first[1..]], withRest);
            }
            else if (trigger.Pos == 'N' && rest.Length == 0)
            {
                foreach (var form in Inflector.NounForms(first[^1]))
                    _trie.Add([.. first[..^1], form], withRest);
            }
            else _trie.Add(first, withRest);
        }
    }

    private int GapWordId(string word)
    {
        if (!_gapWordIds.TryGetValue(word, out int id)) _gapWordIds[word] = id = _gapWordIds.Count;
        return id;
    }

    /// <summary>The longest trigger starting at token <paramref name="start"/>; <paramref name="end"/> is past its last word.</summary>
    public bool TryMatch(Document document, int start, int limit, out int end, out Trigger? trigger)
    {
        end = -1;
        trigger = null;
        var tokens = document.Tokens;
        // A short head with a gap can reach further than a longer head: "fired * ballistic missile" beats "fired at".
        foreach (var (firstEnd, candidates) in _trie.AllMatches(document.Text, tokens, start, limit))
        {
            int[]? gap = null;
            foreach (var candidate in candidates)
            {
                // Most heads have many gapped rows ("called * for", "called * to"): most are ruled out by the gap's words.
                if (candidate.Rest.Count > 0 && !MayFollow(gap ??= GapWordIds(document.Text, tokens, firstEnd, limit), candidate)) continue;
                int e = MatchRest(document.Text, tokens, firstEnd, limit, candidate);
                if (e > end || (e == end && e > 0 && Better(candidate, trigger!, document, start)))
                {
                    end = e;
                    trigger = candidate;
                }
            }
        }
        return trigger is not null;
    }

    /// <summary>
    /// Of two rows that end at the same word, the one with more literal words is more specific ("call off * strike"
    /// over "call * strike"); then a verb row beats the noun row of the same word after a modal, "to" or a pronoun
    /// ("rebels will attack", "they boycott"); then the row that comes first in the lexicon.
    /// </summary>
    private static bool Better(Trigger candidate, Trigger current, Document document, int start)
    {
        if (candidate.Words != current.Words) return candidate.Words > current.Words;
        if (candidate.Pos != current.Pos && candidate.Phrase == current.Phrase && (candidate.Pos == 'V' || current.Pos == 'V'))
            return (candidate.Pos == 'V') == VerbContext(document, start);
        return candidate.Order < current.Order;
    }

    private static readonly HashSet<string> VerbOpeners = new(StringComparer.Ordinal)
    {
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "never", "n't",
        "did", "do", "does", "they", "we", "he", "she", "i", "you", "who", "also", "then", "jointly", "repeatedly",
        "reportedly", "allegedly", "again", "later", "subsequently", "often", "regularly", "routinely",
    };

    /// <summary>The word before can only be followed by a verb: "they attack", "will boycott". Not "to": "the right to protest".</summary>
    private static bool VerbContext(Document document, int start) =>
        start > 0 && VerbOpeners.Contains(document.Tokens[start - 1].Lower);

    /// <summary>
    /// The words where a first gap segment may start: up to <see cref="MaxGap"/> words on, before a clause break;
    /// as gap word ids, -1 for a word that begins no gap segment.
    /// </summary>
    private int[] GapWordIds(string text, IReadOnlyList<Token> tokens, int from, int limit)
    {
        int to = from, cost = 0;
        while (to < limit && cost <= MaxGap && to - from <= MaxGapTokens && !IsGapBreak(tokens[to])) cost += GapCost(text, tokens[to++]);
        var ids = new int[to - from];
        for (int i = from; i < to; i++) ids[i - from] = _gapWordIds.GetValueOrDefault(tokens[i].Lower, -1);
        return ids;
    }

    private static bool MayFollow(int[] gapWordIds, Trigger trigger)
    {
        var (word, plural) = trigger.RestIds;
        foreach (int id in gapWordIds)
            if (id == word || id == plural) return true;
        return false;
    }

    /// <summary>A capitalised word in a gap is part of a name, which costs nothing: only other words count.</summary>
    private static int GapCost(string text, Token token) => token.IsWord && char.IsUpper(text[token.Span.Start]) ? 0 : 1;

    private static bool IsGapBreak(Token token) => token.Kind == TokenKind.Punct && token.Lower is "." or ";" or ",";

    /// <summary>Where the trigger's words after its gaps end, or -1 when they are not found.</summary>
    private static int MatchRest(string text, IReadOnlyList<Token> tokens, int from, int limit, Trigger trigger)
    {
        int position = from;
        for (int r = 0; r < trigger.Rest.Count; r++)
        {
            var words = trigger.Rest[r];
            var plurals = trigger.RestPlurals[r];
            int found = -1;
            for (int gap = 0, cost = 0; cost <= MaxGap && gap <= MaxGapTokens && found < 0; gap++)
            {
                int s = position + gap;
                if (s + words.Length > limit) break;
                if (IsGapBreak(tokens[s])) break;
                cost += GapCost(text, tokens[s]);
                bool all = true;
                for (int k = 0; k < words.Length && all; k++)
                    all = Matches(tokens[s + k].Lower, words[k], plurals[k]);
                if (all) found = s + words.Length;
            }
            if (found < 0) return -1;
            position = found;
        }
        return position;
    }

    /// <summary>A gap segment's word matches itself or its plural.</summary>
    private static bool Matches(string token, string word, string plural) => token == word || token == plural;
}
