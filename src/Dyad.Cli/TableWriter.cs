using Dyad.Output;
using Spectre.Console;

namespace Dyad.Cli;

/// <summary>Events as a table for people reading a terminal.</summary>
internal sealed class TableWriter : IEventWriter
{
    private readonly Table _table = new Table()
        .AddColumns("doc", "date", "event", "actor", "recipient", "trigger", "place", "reported by")
        .Border(TableBorder.Rounded);

    public void Write(EventRecord r)
    {
        var ev = r.Event;
        _table.AddRow(
            Markup.Escape(r.Document.Article.Id),
            ev.Date?.ToString("yyyy-MM-dd") ?? "",
            ev.Type + (ev.Modes.Count > 0 ? $" ({ev.Modes[0]})" : ""),
            Markup.Escape(string.Join(" + ", ev.Actors.Select(a => $"{a.Code} {a.Sector}".Trim()))),
            Markup.Escape(string.Join(" + ", ev.Recipients.Select(a => $"{a.Code} {a.Sector}".Trim()))),
            Markup.Escape(r.TriggerText),
            Markup.Escape(ev.Place?.Resolved ?? ""),
            Markup.Escape(string.Join(" < ", ev.ReportedBy)));
    }

    public void Flush()
    {
        // Redirected output has no terminal width; do not squeeze the table into 80 columns.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;
        AnsiConsole.Write(_table);
    }
}
