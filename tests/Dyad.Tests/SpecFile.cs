using System.Text.RegularExpressions;

namespace Dyad.Tests;

/// <summary>One example of a spec file: a passage and what Dyad must make of it.</summary>
public sealed record SpecExample(string Id, string Kind, string File, string Section, string Input, string Expected, IReadOnlyDictionary<string, string> Options)
{
    public override string ToString() => Id;
}

/// <summary>
/// Loads the Markdown spec files under Specs/. An example is a fenced block opened with
/// "```example ID KIND [key=value ...]": the input, a line holding a single ".", then the expected output.
/// </summary>
public static partial class SpecFile
{
    private static readonly Lazy<IReadOnlyDictionary<string, SpecExample>> All = new(() => LoadAll(Path.Combine(AppContext.BaseDirectory, "Specs")));

    public static SpecExample Get(string id) => All.Value[id];

    public static TheoryData<string> Ids(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var e in All.Value.Values.Where(e => e.Kind == kind)) data.Add(e.Id);
        return data;
    }

    public static IReadOnlyDictionary<string, SpecExample> LoadAll(string folder)
    {
        var examples = new Dictionary<string, SpecExample>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
            foreach (var example in Parse(File.ReadAllText(file), Path.GetFileName(file)))
                if (!examples.TryAdd(example.Id, example))
                    throw new InvalidOperationException($"{file}: example id '{example.Id}' is used twice");
        return examples;
    }

    public static IEnumerable<SpecExample> Parse(string markdown, string file)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string section = "";
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#')) section = lines[i].TrimStart('#').Trim();
            var open = Opening().Match(lines[i]);
            if (!open.Success) continue;
            var options = open.Groups["opt"].Captures.Select(c => c.Value.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            var input = new List<string>();
            var expected = new List<string>();
            bool inExpected = false;
            int start = i;
            for (i++; i < lines.Length && lines[i] != "```"; i++)
            {
                if (!inExpected && lines[i] == ".") inExpected = true;
                else (inExpected ? expected : input).Add(lines[i]);
            }
            if (i >= lines.Length || !inExpected)
                throw new InvalidOperationException($"{file}:{start + 1}: example '{open.Groups["id"].Value}' needs a '.' line and a closing fence");
            yield return new SpecExample(open.Groups["id"].Value, open.Groups["kind"].Value, file, section,
                string.Join('\n', input), string.Join('\n', expected), options);
        }
    }

    [GeneratedRegex(@"^```example (?<id>[\w-]+) (?<kind>\w+)(?: (?<opt>[\w-]+=\S+))*\s*$")]
    private static partial Regex Opening();
}
