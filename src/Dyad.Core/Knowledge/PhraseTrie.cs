using Dyad.Documents;

namespace Dyad.Knowledge;

/// <summary>
/// A prefix tree over token sequences. Keys are token texts (case-sensitive) or lower-cased tokens,
/// chosen when the trie is built. Longest match wins. Lookups allocate nothing.
/// </summary>
public sealed class PhraseTrie<T>
{
    private sealed class Node
    {
        private Dictionary<string, Node>? _children;
        // Case-sensitive keys are looked up straight from the text, without a substring per token.
        private Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> _spans;

        public List<T>? Values;

        public bool IsLeaf => _children is null;

        public Node Add(string key)
        {
            if (_children is null)
            {
                _children = new Dictionary<string, Node>(StringComparer.Ordinal);
                _spans = _children.GetAlternateLookup<ReadOnlySpan<char>>();
            }
            if (!_children.TryGetValue(key, out var child)) _children[key] = child = new Node();
            return child;
        }

        public Node? Child(string key) => _children is not null && _children.TryGetValue(key, out var child) ? child : null;

        public Node? Child(ReadOnlySpan<char> key) => _children is not null && _spans.TryGetValue(key, out var child) ? child : null;
    }

    private static readonly IReadOnlyList<(int End, IReadOnlyList<T> Values)> NoMatches = [];

    private readonly Node _root = new();
    private readonly bool _lowerCase;

    public PhraseTrie(bool lowerCase) => _lowerCase = lowerCase;

    public void Add(IReadOnlyList<string> keys, T value)
    {
        if (keys.Count == 0) return;
        var node = _root;
        foreach (var raw in keys) node = node.Add(_lowerCase ? raw.ToLowerInvariant() : raw);
        (node.Values ??= []).Add(value);
    }

    /// <summary>Removes every value stored under the exact key sequence.</summary>
    public void Remove(IReadOnlyList<string> keys)
    {
        Node? node = _root;
        foreach (var raw in keys)
        {
            node = node.Child(_lowerCase ? raw.ToLowerInvariant() : raw);
            if (node is null) return;
        }
        node.Values = null;
    }

    /// <summary>Every entry starting at token <paramref name="start"/>, shortest first, as (end, values).</summary>
    public IReadOnlyList<(int End, IReadOnlyList<T> Values)> AllMatches(string text, IReadOnlyList<Token> tokens, int start, int limit)
    {
        List<(int, IReadOnlyList<T>)>? found = null;
        var node = _root;
        for (int i = start; i < limit && !node.IsLeaf; i++)
        {
            var child = Child(node, text, tokens[i]);
            if (child is null) break;
            node = child;
            if (node.Values is not null) (found ??= []).Add((i + 1, node.Values));
        }
        return found ?? NoMatches;
    }

    /// <summary>The longest entry starting at token <paramref name="start"/>, ending before <paramref name="limit"/>.</summary>
    public bool TryMatch(string text, IReadOnlyList<Token> tokens, int start, int limit, out int end, out IReadOnlyList<T> values)
    {
        var node = _root;
        end = -1;
        values = [];
        for (int i = start; i < limit && !node.IsLeaf; i++)
        {
            var child = Child(node, text, tokens[i]);
            if (child is null) break;
            node = child;
            if (node.Values is not null)
            {
                end = i + 1;
                values = node.Values;
            }
        }
        return end > 0;
    }

    private Node? Child(Node node, string text, Token token) =>
        _lowerCase ? node.Child(token.Lower) : node.Child(text.AsSpan(token.Span.Start, token.Span.Length));
}
