using System.Text.RegularExpressions;
using Dyad.Documents;

namespace Dyad.Tests;

/// <summary>The actor and event spec files (Specs/actors.md, events.md, seed-patterns.md), one test per example.</summary>
public sealed partial class ActorEventSpecTests
{
    public static TheoryData<string> ActorExamples => SpecFile.Ids("actors");
    public static TheoryData<string> EventExamples => SpecFile.Ids("events");

    [Theory]
    [MemberData(nameof(ActorExamples))]
    public void Resolves_actors(string id)
    {
        var example = SpecFile.Get(id);
        var doc = Shared.Process(example.Input, Shared.Date(example.Options));
        var actual = doc.Actors.Select(a => $"{a.Code} {(a.Sector.Length > 0 ? a.Sector : "-")} | {a.Text}");
        Assert.Equal(example.Expected.Split('\n', StringSplitOptions.RemoveEmptyEntries), actual);
    }

    [Theory]
    [MemberData(nameof(EventExamples))]
    public void Codes_events(string id)
    {
        var example = SpecFile.Get(id);
        var doc = Shared.Process(example.Input, Shared.Date(example.Options));
        var events = doc.Events.Where(e => !e.Negated).ToList();
        var expected = example.Expected.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
        Assert.Equal(expected.Select(e => e.Core).Order(), events.Select(Core).Order());
        foreach (var e in expected)
        {
            var match = events.First(x => Core(x) == e.Core);
            if (e.Date is not null) Assert.Equal(e.Date, match.Date?.ToString("yyyy-MM-dd"));
            if (e.Place is not null) Assert.Equal(e.Place, match.Place?.Resolved);
            if (e.ReportedBy is not null) Assert.Equal(e.ReportedBy, string.Join(" / ", match.ReportedBy));
        }
    }

    private static string Codes(IEnumerable<Actor> actors) => string.Join('+', actors.Select(a => a.Code).Distinct().Order(StringComparer.Ordinal));

    private static string Core(Event e) =>
        e.Recipients.Count == 0 ? $"{e.Type} {Codes(e.Actors)}" : $"{e.Type} {Codes(e.Actors)} -> {Codes(e.Recipients)}";

    private sealed record Expected(string Core, string? Date, string? Place, string? ReportedBy);

    private static Expected Parse(string line)
    {
        var m = ExpectedLine().Match(line);
        if (!m.Success) throw new FormatException($"not an expected event: '{line}'");
        static string Sorted(string codes) => string.Join('+', codes.Split('+').Order(StringComparer.Ordinal));
        string core = m.Groups["type"].Value + " " + Sorted(m.Groups["actor"].Value)
            + (m.Groups["recipient"].Success ? " -> " + Sorted(m.Groups["recipient"].Value) : "");
        return new Expected(core,
            m.Groups["date"].Success ? m.Groups["date"].Value : null,
            m.Groups["place"].Success ? m.Groups["place"].Value : null,
            m.Groups["by"].Success ? m.Groups["by"].Value : null);
    }

    [GeneratedRegex(@"^(?<type>[A-Z]+) (?<actor>[A-Z+]+)(?: -> (?<recipient>[A-Z+]+))?(?: @(?<date>\d{4}-\d{2}-\d{2}))?(?: in (?<place>.+?))?(?: by (?<by>.+))?$")]
    private static partial Regex ExpectedLine();
}
