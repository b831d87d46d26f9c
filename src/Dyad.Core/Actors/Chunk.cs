using Dyad.Documents;

namespace Dyad.Actors;

/// <summary>A noun phrase built around dictionary mentions: tokens [Start, End) and the mentions inside.</summary>
internal sealed class Chunk(int start, int end)
{
    public int Start { get; set; } = start;
    public int End { get; set; } = end;
    public List<Mention> Mentions { get; } = [];
    /// <summary>Chunks joined to this one by "of" ("ministers of South Korea and Canada"): each gives one actor.</summary>
    public List<Chunk> Owners { get; } = [];
    public bool Former { get; set; }
    /// <summary>"two" or "both" before a plural role: the phrase refers back to two earlier actors.</summary>
    public bool Pair { get; set; }

    public Mention? Find(Func<Mention, bool> predicate) => Mentions.FirstOrDefault(predicate);
    public Mention? Last(Func<Mention, bool> predicate) => Mentions.LastOrDefault(predicate);

    public bool HasCode => Mentions.Any(m => m.Code.Length > 0) || Owners.Any(o => o.HasCode);
    public bool IsPronoun => Mentions.Count == 1 && Mentions[0].Kind == MentionKind.Pronoun;
}
