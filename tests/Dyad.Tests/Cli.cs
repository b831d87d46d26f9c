using System.Diagnostics;

namespace Dyad.Tests;

/// <summary>Runs the built `dyad` command line as a user would and captures what it prints.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string? stdin, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dyad.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dyad {string.Join(' ', args)} did not finish");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The first articles of the benchmark's generated corpus (invented passages).</summary>
    public static List<Documents.Article> SampleCorpus(int count) => [.. Dyad.Cli.SampleCorpus.Generate(long.MaxValue, count)];

    /// <summary>Writes articles as JSON Lines, the input format of `dyad code` and `dyad ingest`.</summary>
    public static void WriteJsonLines(string path, IEnumerable<Documents.Article> articles)
    {
        using var writer = new StreamWriter(path);
        foreach (var a in articles)
            writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { id = a.Id, date = a.Date?.ToString("yyyy-MM-dd"), source = a.Source, text = a.Text }));
    }
}
