using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Tests;

/// <summary>One engine for all tests: loading the dictionaries once keeps the suite fast.</summary>
public static class Shared
{
    private static readonly Lazy<Engine> Lazy = new(() => Engine.Build());

    public static Engine Engine => Lazy.Value;

    public static Document Process(string text, DateOnly? date = null, string id = "test") =>
        Engine.Process(new Article(id, text) { Date = date });

    public static DateOnly? Date(IReadOnlyDictionary<string, string> options) =>
        options.TryGetValue("date", out var d) ? DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture) : null;
}
