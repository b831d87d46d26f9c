using System.CommandLine;
using System.Text.Json;
using Dyad.Actors;
using Dyad.Eval;

namespace Dyad.Cli;

/// <summary>`dyad actor`: resolves one actor phrase, or scores a file of cases.</summary>
internal static class ActorCommand
{
    public static Command Create()
    {
        var text = new Argument<string?>("text") { Description = "The actor phrase", Arity = ArgumentArity.ZeroOrOne };
        var context = new Option<string?>("--context") { Description = "A sentence or paragraph the phrase stands in" };
        var date = Options.Date();
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var cases = new Option<string?>("--cases") { Description = "A JSON Lines file of cases (text, context, date, expect) to score" };
        var verbose = new Option<bool>("--verbose") { Description = "With --cases: print every wrong case" };
        var actors = Options.ActorFiles();
        var command = new Command("actor", "Resolve an actor phrase to a PLOVER country code and sector, and say why")
        {
            text, context, date, json, cases, verbose, actors,
        };
        command.SetAction(r => Options.Guard(() =>
        {
            var engine = Options.BuildEngine(r.GetValue(actors), null);
            var lookup = new ActorLookup(engine);
            if (r.GetValue(cases) is { } file)
                return ActorCases.Run(lookup, file, r.GetValue(verbose), Console.Out);
            if (r.GetValue(text) is not { } phrase)
            {
                Console.Error.WriteLine("give an actor phrase or --cases FILE");
                return 2;
            }
            var result = lookup.Resolve(phrase, r.GetValue(context), Options.ParseDate(r.GetValue(date), "--date"));
            if (r.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["code"] = result.Code, ["sector"] = result.Sector, ["identifier_text"] = result.IdentifierText,
                    ["office"] = result.Office, ["matched"] = result.Matched, ["why"] = result.Why,
                }));
            }
            else
            {
                Console.WriteLine($"{result.Code} {result.Sector}".Trim());
                if (result.Office.Length > 0) Console.WriteLine($"office: {result.Office}");
                Console.WriteLine($"matched: {result.Matched}");
                Console.WriteLine($"why: {result.Why}");
            }
            return 0;
        }));
        return command;
    }
}
