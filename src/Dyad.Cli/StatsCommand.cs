using System.CommandLine;
using System.Globalization;
using Dyad.Pipeline;
using Dyad.Store;
using Spectre.Console;

namespace Dyad.Cli;

/// <summary>`dyad stats`: events and mean score per period for a dyad or an actor, and the top dyads.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var dyad = new Option<string?>("--dyad") { Description = "ACTOR:RECIPIENT country codes, e.g. KOR:PRK (the same as --actor KOR --recipient PRK)" };
        var by = new Option<Period>("--by") { Description = "Period", DefaultValueFactory = _ => Period.Month };
        var top = new Option<int>("--top") { Description = "How many top dyads to list", DefaultValueFactory = _ => 10 };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var command = new Command("stats", "Counts and mean PLOVER score per period for a dyad or an actor; the top dyads of a period")
        {
            store.Db, dyad, by, top, format, store.Actor, store.Recipient, store.Type, store.From, store.To,
        };
        command.SetAction(r => Options.Guard(() =>
        {
            var query = store.Query(r, int.MaxValue);
            if (r.GetValue(dyad) is { } pair)
            {
                var parts = pair.Split(':');
                if (parts.Length != 2)
                    throw new DyadException(ErrorCodes.BadArgument, $"--dyad: '{pair}' is not ACTOR:RECIPIENT (e.g. KOR:PRK)");
                query = query with { Actor = ActorFilter.Parse(parts[0], "--dyad"), Recipient = ActorFilter.Parse(parts[1], "--dyad") };
            }
            var events = store.Open(r);
            bool csv = r.GetValue(format) == "csv";
            if (query.Actor is null && query.Recipient is null)
            {
                var counts = events.Counts();
                Console.Error.WriteLine($"{counts.Documents} document(s), {counts.Reports} event report(s) in {counts.Clusters} event(s)");
                var dyads = events.TopDyads(query, Math.Max(1, r.GetValue(top)));
                Write(csv, ["actor", "recipient", "events", "reports", "mean score"],
                    dyads.Select(d => new[] { d.Actor, d.Recipient, Num(d.Events), Num(d.Reports), d.MeanScore.ToString("0.00", CultureInfo.InvariantCulture) }));
                return 0;
            }
            var periods = events.Stats(query, r.GetValue(by));
            Write(csv, ["period", "events", "reports", "mean score", "cooperation", "conflict"],
                periods.Select(p => new[] { p.Period, Num(p.Events), Num(p.Reports), p.MeanScore.ToString("0.00", CultureInfo.InvariantCulture), Num(p.Cooperation), Num(p.Conflict) }));
            return 0;
        }));
        return command;
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Write(bool csv, string[] header, IEnumerable<string[]> rows)
    {
        if (csv)
        {
            Output.CsvWriter.WriteRow(Console.Out, header, ',');
            foreach (var row in rows) Output.CsvWriter.WriteRow(Console.Out, row, ',');
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumns(header);
        foreach (var row in rows) table.AddRow(row);
        AnsiConsole.Write(table);
    }
}
