using System.CommandLine;
using System.Globalization;
using Dyad.Pipeline;

namespace Dyad.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class Options
{
    public static Option<string?> Date() => new("--date")
    {
        Description = "Publication date (YYYY-MM-DD) for articles whose metadata has none; relative dates resolve against it",
    };

    public static Option<string[]> ActorFiles() => new("--actors")
    {
        Description = "Extra actor file(s): people (name, code, sector, office, start, end, aliases) or organisations (text, code, sector, canonical)",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<string[]> TriggerFiles() => new("--triggers")
    {
        Description = "Extra trigger file(s) with the columns of the built-in lexicon",
        AllowMultipleArgumentsPerToken = true,
    };

    public static DateOnly? ParseDate(string? text, string option)
    {
        if (text is null) return null;
        if (text.Equals("today", StringComparison.OrdinalIgnoreCase)) return DateOnly.FromDateTime(DateTime.Today);
        string[] formats = ["yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "yyyy-MM", "yyyy"];
        if (DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new DyadException(ErrorCodes.BadArgument, $"{option}: '{text}' is not a date (YYYY-MM-DD)");
    }

    public static Engine BuildEngine(string[]? actors, string[]? triggers) =>
        Engine.Build(new EngineOptions { ActorFiles = actors ?? [], TriggerFiles = triggers ?? [] });

    /// <summary>Runs a command body, turning Dyad errors into a message and exit status 2.</summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (DyadException e)
        {
            Console.Error.WriteLine($"error {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error {ErrorCodes.UnreadableInput}: {e.Message}");
            return 2;
        }
    }
}
