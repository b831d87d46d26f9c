using System.CommandLine;
using Dyad.Documents;
using Dyad.Pipeline;
using Dyad.Store;

namespace Dyad.Cli;

/// <summary>`dyad recode`: re-codes stored documents with the current program and dictionaries.</summary>
internal static class RecodeCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var all = new Option<bool>("--all") { Description = "Re-code every document, not only those coded by another version" };
        var threads = new Option<int>("--threads") { Description = "Articles coded in parallel", DefaultValueFactory = _ => 1 };
        var window = new Option<int>("--merge-window") { Description = "Merge window in days, as for ingest", DefaultValueFactory = _ => 1 };
        var command = new Command("recode", "Re-code stored documents with the current version (after a program or dictionary update)")
        {
            store.Db, all, threads, window, Options.ActorFiles(), Options.TriggerFiles(),
        };
        command.SetAction(r => Options.Guard(() =>
        {
            var engine = Options.BuildEngine(r.GetValue<string[]>("--actors"), r.GetValue<string[]>("--triggers"));
            var events = store.Open(r);
            string? otherThan = r.GetValue(all) ? null : engine.Version;
            var ingestor = new Ingestor(engine, events, new IngestOptions { Threads = Math.Max(1, r.GetValue(threads)), WindowDays = r.GetValue(window) })
            {
                OnProblem = p => Console.Error.WriteLine(p),
            };
            int documents = 0, coded = 0;
            long after = 0;
            while (events.Documents(otherThan, after, 64).ToList() is { Count: > 0 } page)
            {
                var articles = page.Select(d => new Article(d.Key, d.Text) { Url = d.Url, Title = d.Title, Source = d.Source, Date = d.Date, Origin = d.Key }).ToList();
                coded += ingestor.Store(articles, recode: true).Events;
                documents += page.Count;
                after = page[^1].Id;
            }
            Console.WriteLine($"re-coded {documents} document(s) into {coded} event(s)");
            return 0;
        }));
        return command;
    }
}
