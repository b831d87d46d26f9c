using System.CommandLine;
using Dyad.Store;
using Dyad.Store.Export;
using Spectre.Console;

namespace Dyad.Cli;

/// <summary>`dyad query` and `dyad export`: stored events matching filters, as a table or in an export format.</summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var limit = new Option<int>("--limit") { Description = "Most events shown", DefaultValueFactory = _ => 50 };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "plover", "csv");
        var command = new Command("query", "Find stored events: one row per event cluster (--reports for every report), newest first")
        {
            store.Db, limit, format,
        };
        foreach (var option in store.Filters) command.Options.Add(option);
        command.SetAction(r => Options.Guard(() =>
        {
            var events = store.Open(r).Query(store.Query(r, Math.Max(1, r.GetValue(limit))));
            if (r.GetValue(format) == "table") WriteTable(events);
            else Write(events, r.GetValue(format)!, null);
            Console.Error.WriteLine($"{events.Count} event(s)");
            return 0;
        }));
        return command;
    }

    public static Command CreateExport()
    {
        var store = new StoreOptions();
        var format = new Option<string>("--format") { Description = "Export format", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong(ExportFormats.Names);
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output (required for parquet)" };
        var limit = new Option<int>("--limit") { Description = "Most events exported", DefaultValueFactory = _ => int.MaxValue };
        var command = new Command("export", "Export stored events matching the filters as PLOVER JSON Lines, CSV, a GDELT-like table or Parquet")
        {
            store.Db, format, output, limit,
        };
        foreach (var option in store.Filters) command.Options.Add(option);
        command.SetAction(r => Options.Guard(() =>
        {
            string chosen = r.GetValue(format)!;
            if (chosen == "parquet" && r.GetValue(output) is null)
                throw new Pipeline.DyadException(Pipeline.ErrorCodes.BadArgument, "--format parquet writes a binary file: give it with --out");
            var events = store.Open(r).Query(store.Query(r, Math.Max(1, r.GetValue(limit))));
            Write(events, chosen, r.GetValue(output));
            Console.Error.WriteLine($"exported {events.Count} event(s)");
            return 0;
        }));
        return command;
    }

    private static void Write(List<StoredEvent> events, string format, string? path)
    {
        using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
        var writer = ExportFormats.Create(format, stream);
        foreach (var e in events) writer.Write(e);
        writer.Finish();
    }

    private static void WriteTable(List<StoredEvent> events)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("id", "date", "event", "actor", "recipient", "trigger", "place", "reports", "sources", "evidence");
        foreach (var e in events)
        {
            table.AddRow(e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Date ?? "", e.Type, Markup.Escape(e.Actor),
                Markup.Escape(e.Recipient), Markup.Escape(e.EventText), Markup.Escape(e.Place ?? ""),
                $"{e.NumReports} in {e.NumArticles}", e.NumSources.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape($"{e.Sentence} [{e.DocKey}]"));
        }
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240;
        AnsiConsole.Write(table);
    }
}
