namespace Dyad.Documents;

/// <summary>
/// Maps offsets in the repaired text back to the original text. Stores one correction point per edit
/// (like Lucene's CharFilter), so memory grows with the number of edits, not the text length.
/// </summary>
public sealed class OffsetMap
{
    private readonly int[] _repaired;
    private readonly int[] _original;

    internal OffsetMap(int[] repaired, int[] original)
    {
        _repaired = repaired;
        _original = original;
    }

    public static OffsetMap Identity { get; } = new([0], [0]);

    /// <summary>The original offset of a repaired-text offset.</summary>
    public int ToOriginal(int repairedOffset)
    {
        int i = Array.BinarySearch(_repaired, repairedOffset);
        if (i < 0) i = ~i - 1;
        if (i < 0) return repairedOffset;
        return _original[i] + (repairedOffset - _repaired[i]);
    }

    public TextSpan ToOriginal(TextSpan span)
    {
        int start = ToOriginal(span.Start);
        // The end maps as the character before it plus one, so an edit after the span does not stretch it.
        int end = span.End > span.Start ? ToOriginal(span.End - 1) + 1 : start;
        return new TextSpan(start, Math.Max(start, end));
    }

    /// <summary>Builds a map while text is appended piece by piece.</summary>
    public sealed class Builder
    {
        private readonly List<int> _repaired = [0];
        private readonly List<int> _original = [0];

        /// <summary>Records that the repaired offset <paramref name="repaired"/> corresponds to <paramref name="original"/>.</summary>
        public void Mark(int repaired, int original)
        {
            int last = _repaired.Count - 1;
            if (_original[last] + (repaired - _repaired[last]) == original) return;
            if (_repaired[last] == repaired)
            {
                _original[last] = original;
                return;
            }
            _repaired.Add(repaired);
            _original.Add(original);
        }

        public OffsetMap Build() => new([.. _repaired], [.. _original]);
    }
}
