using System.Text.Json;

namespace Dyad.Tests;

/// <summary>Bad input gets a clear error with a stable code, and every good article is still coded.</summary>
public sealed class InputTests
{
    [Fact]
    public void Missing_file_names_the_path_and_fails()
    {
        var r = Cli.Run(null, "code", "/no/such/article.txt");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("DYAD001", r.Stderr);
        Assert.Contains("/no/such/article.txt", r.Stderr);
    }

    [Fact]
    public void Binary_file_is_refused()
    {
        using var file = new TempFile(".bin", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 0, 0, 0, 3, 0xFF, 0xFE, 0]);
        var r = Cli.Run(null, "code", file.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("DYAD003", r.Stderr);
        Assert.Contains(file.Path, r.Stderr);
    }

    [Fact]
    public void Broken_json_line_is_reported_and_the_rest_coded()
    {
        var r = Cli.Run(null, "code", Cli.Fixture("broken-line.jsonl"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("DYAD006", r.Stderr);
        Assert.Contains("broken-line.jsonl:2", r.Stderr);
        var docs = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("doc_id").GetString()).Distinct().ToList();
        Assert.Equal(["good-1", "good-2"], docs);
    }

    [Fact]
    public void Strict_fails_on_any_error()
    {
        var r = Cli.Run(null, "code", "--strict", Cli.Fixture("broken-line.jsonl"));
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void Damaged_utf8_is_decoded_with_a_warning()
    {
        using var file = new TempFile(".txt", [.. "Japan condemned the launch in Genève, Zürich and Gen"u8, 0xE8, .. "ve on Friday."u8]);
        var r = Cli.Run(null, "code", "--date", "2024-11-02", file.Path);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("DYAD004", r.Stderr);
    }

    [Fact]
    public void Empty_article_and_empty_folder_are_errors()
    {
        var folder = Directory.CreateTempSubdirectory("dyad-empty");
        try
        {
            var r = Cli.Run(null, "code", folder.FullName);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("DYAD008", r.Stderr);
            File.WriteAllText(Path.Combine(folder.FullName, "blank.txt"), "  \n ");
            r = Cli.Run(null, "code", folder.FullName);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("DYAD005", r.Stderr);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Huge_article_is_refused_without_reading_it()
    {
        using var file = new TempFile(".txt", []);
        using (var stream = File.Create(file.Path))
        {
            var line = "Japan condemned the launch on Friday. "u8.ToArray();
            for (long written = 0; written < 50_000_000; written += line.Length) stream.Write(line);
        }
        var r = Cli.Run(null, "code", file.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("DYAD007", r.Stderr);
    }

    [Fact]
    public void Reads_standard_input_and_a_folder_recursively()
    {
        var r = Cli.Run("Japan condemned North Korea's missile launch on Friday.", "code", "--date", "2024-11-02", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"event\":\"ACCUSE\"", r.Stdout);

        var folder = Directory.CreateTempSubdirectory("dyad-folder");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder.FullName, "sub"));
            File.WriteAllText(Path.Combine(folder.FullName, "sub", "a.txt"), "Japan condemned North Korea's missile launch.");
            File.WriteAllText(Path.Combine(folder.FullName, "b.jsonl"), "{\"id\":\"b1\",\"text\":\"China and Russia held talks in Moscow.\"}\n");
            r = Cli.Run(null, "code", folder.FullName);
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("coded 2 article(s)", r.Stderr);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
