using System.CommandLine;
using Dyad.Cluster;
using Dyad.Feeds;
using Dyad.Pipeline;
using Dyad.Store;

namespace Dyad.Cli;

/// <summary>`dyad watch`: polls RSS/Atom feeds and ingests every new item's page into the store, here or on a cluster.</summary>
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
        var cluster = new Option<string?>("--cluster")
        {
            Description = "Hand the feeds to the silos of a Dyad cluster (postgres://...), each polled by one silo until --stop; returns at once",
        };
        var stopFeeds = new Option<bool>("--stop") { Description = "With --cluster: stop watching the feeds" };
        var command = new Command("watch", "Poll RSS/Atom feeds, fetch each new item's page, code it and store it; keeps going until stopped (Ctrl+C)")
        {
            feeds, store.Db, every, once, timeout, delay, cluster, stopFeeds,
        };
        command.SetAction(r => Options.Guard(() =>
        {
            var options = new WatchOptions
            {
                Every = WatchOptions.ParseDuration(r.GetValue(every)!, "--every"),
                Timeout = WatchOptions.ParseDuration(r.GetValue(timeout)!, "--timeout"),
                PerHostDelay = WatchOptions.ParseDuration(r.GetValue(delay)!, "--host-delay"),
            };
            if (r.GetValue(cluster) is { } db)
            {
                if (r.GetValue(once)) throw new DyadException(ErrorCodes.BadArgument, "--once: a cluster polls until --stop; poll once here, without --cluster");
                if (r.GetValue(store.Db) is not null) throw new DyadException(ErrorCodes.BadArgument, "--db: a cluster stores into its own database (--cluster)");
                return OnCluster(ClusterDatabase.Locate(db, "--cluster"), r.GetValue(feeds)!, options, r.GetValue(stopFeeds));
            }
            if (r.GetValue(stopFeeds)) throw new DyadException(ErrorCodes.BadArgument, "--stop: only a cluster keeps watching after this command ends (--cluster)");
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

    /// <summary>Registers the feeds with their grains (or stops them); the silos poll them from then on.</summary>
    private static int OnCluster(Store.StoreLocation db, string[] feeds, WatchOptions options, bool stop)
    {
        if (options.Every < TimeSpan.FromSeconds(1)) throw new DyadException(ErrorCodes.BadArgument, "--every: at least 1s on a cluster");
        foreach (var feed in feeds)
        {
            if (!Uri.TryCreate(feed, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                throw new DyadException(ErrorCodes.BadArgument, $"'{feed}' is not an http(s) URL");
        }
        using var host = ClusterIngestor.Connect(db).GetAwaiter().GetResult();
        var client = ClusterIngestor.Client(host);
        foreach (var feed in feeds)
        {
            var grain = client.GetGrain<IFeedGrain>(FeedTable.Key(feed));
            if (stop)
            {
                bool watched = grain.Stop().GetAwaiter().GetResult();
                Console.WriteLine(watched ? $"stopped {feed}" : $"not watched: {feed}");
                continue;
            }
            grain.Watch(new FeedSettings(feed, options.Every, options.Timeout, options.PerHostDelay)).GetAwaiter().GetResult();
            Console.WriteLine($"watching {feed} every {WatchOptions.FormatDuration(options.Every)} on the cluster of {db.Display}");
        }
        host.StopAsync().GetAwaiter().GetResult();
        return 0;
    }
}
