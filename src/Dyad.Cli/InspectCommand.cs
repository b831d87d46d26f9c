using System.CommandLine;
using Dyad.Documents;
using Dyad.Input;
using Dyad.Output;
using Spectre.Console;

namespace Dyad.Cli;

/// <summary>`dyad inspect`: shows what each stage produced for one article.</summary>
internal static class InspectCommand
{
    private static readonly string[] Layers = ["text", "sentences", "tokens", "mentions", "actors", "events"];

    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A text or JSON Lines file (or - for standard input)" };
        var layer = new Option<string[]>("--layer")
        {
            Description = "Layers to show (default: all but tokens)",
            AllowMultipleArgumentsPerToken = true,
        };
        layer.AcceptOnlyFromAmong(Layers);
        var id = new Option<string?>("--id") { Description = "Which article of a JSON Lines file (default: the first)" };
        var date = Options.Date();
        var actors = Options.ActorFiles();
        var command = new Command("inspect", "Show each stage's output for one article (repaired text, sentences, tokens, mentions, actors, events)")
        {
            path, layer, id, date, actors,
        };
        command.SetAction(r => Options.Guard(() => Run(r.GetValue(path)!, r.GetValue(layer), r.GetValue(id),
            Options.ParseDate(r.GetValue(date), "--date"), r.GetValue(actors))));
        return command;
    }

    private static int Run(string path, string[]? layers, string? id, DateOnly? date, string[]? actorFiles)
    {
        var show = layers is { Length: > 0 } ? layers.ToHashSet() : Layers.Where(l => l != "tokens").ToHashSet();
        var engine = Options.BuildEngine(actorFiles, null);
        Article? article = null;
        foreach (var item in new ArticleReader(new ArticleReaderOptions { Date = date }).Read([path]))
        {
            if (item.Problem is { } p)
            {
                Console.Error.WriteLine(p);
                continue;
            }
            if (id is null || item.Article!.Id == id)
            {
                article = item.Article;
                break;
            }
        }
        if (article is null)
        {
            Console.Error.WriteLine(id is null ? $"no article could be read from {path}" : $"no article with id '{id}' in {path}");
            return 1;
        }
        var doc = engine.Process(article);
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(article.Id)}[/]  date {article.Date?.ToString("yyyy-MM-dd") ?? "unknown"}  dateline {Markup.Escape(doc.DatelinePlace ?? "none")}");
        if (show.Contains("text"))
        {
            AnsiConsole.Write(new Rule("repaired text"));
            Console.WriteLine(doc.Text);
        }
        if (show.Contains("sentences"))
        {
            AnsiConsole.Write(new Rule("sentences (offsets into the original text)"));
            for (int i = 0; i < doc.Sentences.Count; i++)
            {
                var span = doc.ToOriginal(doc.Sentences[i].Span);
                Console.WriteLine($"{i,3} [{span.Start},{span.End})  {doc.Slice(doc.Sentences[i].Span).ReplaceLineEndings(" ")}");
            }
        }
        if (show.Contains("tokens"))
        {
            AnsiConsole.Write(new Rule("tokens"));
            Console.WriteLine(string.Join(' ', doc.Tokens.Select(t => $"{doc.Slice(t.Span)}[{doc.ToOriginal(t.Span).Start}]")));
        }
        if (show.Contains("mentions"))
        {
            AnsiConsole.Write(new Rule("mentions"));
            foreach (var m in doc.Mentions)
                Console.WriteLine($"{m.Kind,-12} {doc.TokenText(m.Start, m.End),-32} {m.Code,-4} {m.Sector,-4} {m.Why}");
        }
        if (show.Contains("actors"))
        {
            AnsiConsole.Write(new Rule("actors"));
            foreach (var a in doc.Actors)
                Console.WriteLine($"s{doc.SentenceOfToken(a.Start),-3} g{a.Group,-3} {a.Code,-4} {a.Sector,-4} {a.Text,-40} {(a.IsNewsSource ? "[news source] " : "")}{a.Why}");
        }
        if (show.Contains("events"))
        {
            AnsiConsole.Write(new Rule("events"));
            foreach (var r in EventRecord.From(doc, engine, includeNegated: true))
            {
                var ev = r.Event;
                string actors = string.Join("+", ev.Actors.Select(a => $"{a.Code}/{a.Sector}"));
                string recipients = string.Join("+", ev.Recipients.Select(a => $"{a.Code}/{a.Sector}"));
                Console.WriteLine($"s{ev.Sentence,-3} {ev.Type,-9} {actors}{(recipients.Length > 0 ? " -> " + recipients : "")}"
                    + $"  '{r.TriggerText}'  {ev.Date?.ToString("yyyy-MM-dd") ?? "no date"}  {ev.Place?.Resolved ?? "-"}"
                    + $"{(ev.ReportedBy.Count > 0 ? "  by " + string.Join(" < ", ev.ReportedBy) : "")}{(ev.Negated ? "  NEGATED" : "")}  [{ev.Modality}]");
            }
        }
        return 0;
    }
}
