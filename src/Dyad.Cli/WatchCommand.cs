using System.CommandLine;
using Dyad.Feeds;
using Dyad.Pipeline;
using Dyad.Store;

namespace Dyad.Cli;

/// <summary>`dyad watch`: polls RSS/Atom feeds and ingests every new item's page into the store.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var feeds = new Argument<string[]>("feeds") { Description = "RSS or Atom feed URLs", Arity = ArgumentArity.OneOrMore };
        var every = new Option<string>("--every") { Description = "Time between polls of a feed: 30s, 15m, 1h", DefaultValueFactory = _ => "15m" };
        var once = new Option<bool>("--once") { Description = "Poll every feed once, then exit" };
        var timeout = new Option<string>("--timeout") { Description = "Longest wait for one response", DefaultValueFactory = _ => "20s" };
        var delay = new Option<string>("--host-delay") { Description = "Least time between two requests to one host", DefaultValueFactory = _ => "1s" };
        var command = new Command("watch", "Poll RSS/Atom feeds, fetch each new item's page, code it and store it; keeps going until stopped (Ctrl+C)")
        {
            feeds, store.Db, every, once, timeout, delay,
        };
        command.SetAction(r => Options.Guard(() =>
        {
            var options = new WatchOptions
            {
                Every = WatchOptions.ParseDuration(r.GetValue(every)!, "--every"),
                Timeout = WatchOptions.ParseDuration(r.GetValue(timeout)!, "--timeout"),
                PerHostDelay = WatchOptions.ParseDuration(r.GetValue(delay)!, "--host-delay"),
            };
            var engine = Engine.Build();
            var events = store.Open(r);
            Console.Error.WriteLine($"watching {r.GetValue(feeds)!.Length} feed(s) into {events.Location.Display}");
            using var watcher = new FeedWatcher(new Ingestor(engine, events, new IngestOptions()), events, options,
                line => Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss} {line}"));
            if (r.GetValue(once))
            {
                var results = r.GetValue(feeds)!.Select(f => watcher.PollAsync(f, CancellationToken.None).GetAwaiter().GetResult()).ToList();
                return results.All(p => p.Error is not null) ? 1 : 0;
            }
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            watcher.RunAsync(r.GetValue(feeds)!, stop.Token).GetAwaiter().GetResult();
            return 0;
        }));
        return command;
    }
}
