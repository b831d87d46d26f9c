namespace Dyad.Tests;

public sealed class SpecFileTests
{
    [Fact]
    public void Rejects_duplicate_example_ids()
    {
        var folder = Directory.CreateTempSubdirectory("dyad-spec");
        try
        {
            string example = "```example same-1 repair\na\n.\na\n```\n";
            File.WriteAllText(Path.Combine(folder.FullName, "a.md"), example);
            File.WriteAllText(Path.Combine(folder.FullName, "b.md"), example);
            var e = Assert.Throws<InvalidOperationException>(() => SpecFile.LoadAll(folder.FullName));
            Assert.Contains("same-1", e.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Parses_input_expected_and_options()
    {
        var examples = SpecFile.Parse("# Sec\n```example x-1 events date=2024-11-02\nline one\nline two\n.\nOUT\n```\n", "f.md").ToList();
        var e = Assert.Single(examples);
        Assert.Equal(("x-1", "events", "Sec", "line one\nline two", "OUT"), (e.Id, e.Kind, e.Section, e.Input, e.Expected));
        Assert.Equal("2024-11-02", e.Options["date"]);
    }
}
