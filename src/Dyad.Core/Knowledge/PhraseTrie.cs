using Dyad.Documents;

namespace Dyad.Knowledge;

/// <summary>
/// A prefix tree over token sequences. Keys are token texts (case-sensitive) or lower-cased tokens,
/// chosen when the trie is built. Longest match wins.
/// </summary>
public sealed class PhraseTrie<T>
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public List<T>? Values;
    }

    private readonly Node _root = new();
    private readonly bool _lowerCase;

    public PhraseTrie(bool lowerCase) => _lowerCase = lowerCase;

    public int Count { get; private set; }

    public void Add(IReadOnlyList<string> keys, T value)
    {
        if (keys.Count == 0) return;
        var node = _root;
        foreach (var raw in keys)
        {
            string key = _lowerCase ? raw.ToLowerInvariant() : raw;
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(key, out var child)) node.Children[key] = child = new Node();
            node = child;
        }
        (node.Values ??= []).Add(value);
        Count++;
    }

    /// <summary>Removes every value stored under the exact key sequence.</summary>
    public void Remove(IReadOnlyList<string> keys)
    {
        var node = _root;
        foreach (var raw in keys)
        {
            string key = _lowerCase ? raw.ToLowerInvariant() : raw;
            if (node.Children is null || !node.Children.TryGetValue(key, out node)) return;
        }
        if (node.Values is not null) Count -= node.Values.Count;
        node.Values = null;
    }

    /// <summary>Every entry starting at token <paramref name="start"/>, shortest first, as (end, values).</summary>
    public List<(int End, IReadOnlyList<T> Values)> AllMatches(string text, IReadOnlyList<Token> tokens, int start, int limit)
    {
        var found = new List<(int, IReadOnlyList<T>)>();
        var node = _root;
        for (int i = start; i < limit && node.Children is not null; i++)
        {
            var token = tokens[i];
            string key = _lowerCase ? token.Lower : text.Substring(token.Span.Start, token.Span.Length);
            if (!node.Children.TryGetValue(key, out var child)) break;
            node = child;
            if (node.Values is not null) found.Add((i + 1, node.Values));
        }
        return found;
    }

    /// <summary>The longest entry starting at token <paramref name="start"/>, ending before <paramref name="limit"/>.</summary>
    public bool TryMatch(string text, IReadOnlyList<Token> tokens, int start, int limit, out int end, out IReadOnlyList<T> values)
    {
        var node = _root;
        end = -1;
        values = [];
        for (int i = start; i < limit && node.Children is not null; i++)
        {
            var token = tokens[i];
            string key = _lowerCase ? token.Lower : text.Substring(token.Span.Start, token.Span.Length);
            if (!node.Children.TryGetValue(key, out var child)) break;
            node = child;
            if (node.Values is not null)
            {
                end = i + 1;
                values = node.Values;
            }
        }
        return end > 0;
    }
}
