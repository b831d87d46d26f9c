namespace Dyad.Pipeline;

/// <summary>The layers of a document that stages need and produce.</summary>
[Flags]
public enum Layer
{
    None = 0,
    Text = 1,        // the original text, always present
    Repaired = 2,    // repaired text + offset map
    Dateline = 4,
    Tokens = 8,
    Sentences = 16,
    Mentions = 32,
    Actors = 64,
    Events = 128,
}
