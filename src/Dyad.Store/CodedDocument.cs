using System.Security.Cryptography;
using System.Text;
using Dyad.Documents;
using Dyad.Output;

namespace Dyad.Store;

/// <summary>An article with the events coded from it, ready to store.</summary>
public sealed record CodedDocument(Article Article, IReadOnlyList<EventRecord> Records, string Version)
{
    public string Hash { get; } = HashOf(Article);

    /// <summary>What identifies a document across runs: its URL when known, else its id.</summary>
    public string Key => KeyOf(Article);

    /// <summary>The outlet: the given source, else the URL's host, else "unknown".</summary>
    public string Source => Article.Source is { Length: > 0 } s ? s
        : Uri.TryCreate(Article.Url, UriKind.Absolute, out var uri) ? uri.Host : "unknown";

    public static string KeyOf(Article article) => article.Url is { Length: > 0 } url ? url : article.Id;

    /// <summary>SHA-256 of the text: the same content is stored once.</summary>
    public static string HashOf(Article article) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(article.Text)));
}
