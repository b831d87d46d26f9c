namespace Dyad.Feeds;

/// <summary>How feeds are polled and pages fetched.</summary>
public sealed record WatchOptions
{
    /// <summary>Time between two polls of a feed.</summary>
    public TimeSpan Every { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>Longest wait for one HTTP response.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Tries per request when the server fails, times out or asks to slow down.</summary>
    public int Attempts { get; init; } = 3;
    /// <summary>Wait before the second try, doubled before each further one.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Least time between two requests to the same host.</summary>
    public TimeSpan PerHostDelay { get; init; } = TimeSpan.FromSeconds(1);
    public string UserAgent { get; init; } = $"Dyad/{Pipeline.Engine.ProgramVersion} (political event coder; polite feed reader)";

    /// <summary>"30s", "15m", "1h", "2d", or a number of seconds.</summary>
    public static TimeSpan ParseDuration(string text, string option)
    {
        text = text.Trim();
        char unit = text.Length > 0 && char.IsLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 's';
        string number = char.IsLetter(text.Length > 0 ? text[^1] : ' ') ? text[..^1] : text;
        if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) || value < 0 || "smhd".IndexOf(unit) < 0)
            throw new Pipeline.DyadException(Pipeline.ErrorCodes.BadArgument, $"{option}: '{text}' is not a duration (30s, 15m, 1h)");
        return unit switch
        {
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            'd' => TimeSpan.FromDays(value),
            _ => TimeSpan.FromSeconds(value),
        };
    }

    /// <summary>The inverse of <see cref="ParseDuration"/>: "15m", "1h", "2.5s".</summary>
    public static string FormatDuration(TimeSpan t)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        if (t.Ticks % TimeSpan.TicksPerDay == 0 && t.Ticks > 0) return string.Create(c, $"{t.TotalDays}d");
        if (t.Ticks % TimeSpan.TicksPerHour == 0 && t.Ticks > 0) return string.Create(c, $"{t.TotalHours}h");
        if (t.Ticks % TimeSpan.TicksPerMinute == 0 && t.Ticks > 0) return string.Create(c, $"{t.TotalMinutes}m");
        return string.Create(c, $"{t.TotalSeconds:0.###}s");
    }
}

/// <summary>What one poll of one feed did.</summary>
public sealed record PollResult(string Feed, bool NotModified, int Items, int Stored, int Seen, int Skipped, int Failed, int Events, string? Error);
