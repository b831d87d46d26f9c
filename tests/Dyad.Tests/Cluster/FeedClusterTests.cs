using System.Diagnostics;
using Dyad.Cluster;
using Dyad.Tests.Feeds;
using Dyad.Tests.Store;
using Xunit.Abstractions;

namespace Dyad.Tests.Cluster;

/// <summary>
/// `dyad watch --cluster` with two silo processes and a local feed server, against the PostgreSQL of ./test (skipped
/// without it). Each silo polls with its own User-Agent, so the server's log says which silo made every request.
/// </summary>
public sealed class FeedClusterTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void A_feed_is_polled_by_one_silo_at_a_time_and_by_the_other_after_its_silo_is_killed()
    {
        using var db = TestStore.Create("postgres");
        ClusterDatabase.Init(db.Store.Location);
        using var server = new TestFeedServer();
        server.Set("/a", FeedWatcherTests.Page("Talks in Tokyo", FeedWatcherTests.Talks));
        server.Set("/b", FeedWatcherTests.Page("Protest in Nairobi", FeedWatcherTests.Protest));
        server.Set("/feed", FeedWatcherTests.Rss(server, ("a", "Talks in Tokyo"), ("b", "Protest in Nairobi")) with { ETag = "\"v1\"" });
        string feed = $"{server.BaseUrl}/feed";
        var starting = new[] { "A", "B" }.Select(name => Task.Run(() => (name, SiloProcess.Start(db.Db, null, null,
            "--user-agent", $"dyad-test silo {name}", "--reminder-period", "2s")))).ToList();
        var silos = starting.Select(t => t.Result).ToDictionary(s => $"dyad-test silo {s.name}", s => s.Item2);
        try
        {
            var watch = Cli.Run(null, "watch", feed, "--cluster", db.Db, "--every", "1s", "--host-delay", "0");
            Assert.True(watch.ExitCode == 0, watch.Stderr);
            Assert.Contains($"watching {feed} every 1s", watch.Stdout);

            // Both silos up, the two articles stored, a few polls made: all by one silo.
            Wait(TimeSpan.FromSeconds(60), () => server.Hits("/feed").Count >= 5 && db.Store.Counts().Documents == 2);
            Assert.Equal(2, ClusterDatabase.Silos(db.Store.Location).Count(s => s.Status == 3));
            string first = Assert.Single(server.Hits("/feed").Select(h => h.UserAgent).Distinct());
            string second = silos.Keys.Single(k => k != first);

            // Kill that silo and add an item: the other silo takes the feed over and stores the new item.
            var killed = DateTime.UtcNow;
            silos[first].Kill();
            server.Set("/c", FeedWatcherTests.Page("Talks again", FeedWatcherTests.Talks.Replace("Friday", "Monday", StringComparison.Ordinal)));
            server.Set("/feed", FeedWatcherTests.Rss(server, ("a", "Talks in Tokyo"), ("b", "Protest in Nairobi"), ("c", "Talks again")) with { ETag = "\"v2\"" });
            Wait(TimeSpan.FromSeconds(90), () => server.Hits("/feed").Count(h => h.UserAgent == second) >= 3 && db.Store.Counts().Documents == 3);

            // One silo at a time: every poll of the first comes before every poll of the second, which began after the kill.
            var hits = server.Hits("/feed");
            var lastOfFirst = hits.Where(h => h.UserAgent == first).Max(h => h.At);
            var firstOfSecond = hits.Where(h => h.UserAgent == second).Min(h => h.At);
            Assert.True(lastOfFirst < firstOfSecond, $"polls overlap: {first} until {lastOfFirst:O}, {second} from {firstOfSecond:O}");
            Assert.True(firstOfSecond > killed);
            Assert.Equal(hits.Count, hits.Count(h => h.UserAgent == first || h.UserAgent == second));
            output.WriteLine($"takeover: {(firstOfSecond - killed).TotalSeconds:0.0} s after the kill; {hits.Count} polls in all");

            // Every article stored once, by one silo.
            Assert.Equal(3, db.Store.Counts().Documents);
            var stored = silos.Values.SelectMany(s => s.Output).Where(l => l.Contains(" new  ", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, stored.Count);
            foreach (var path in new[] { "a", "b", "c" }) Assert.Single(stored, l => l.Contains($"new  {server.BaseUrl}/{path}:", StringComparison.Ordinal));

            var status = Cli.Run(null, "cluster", "status", "--db", db.Db);
            Assert.Contains($"feed\t{feed}\tevery 1s\tlast polled by 127.0.0.1:{silos[second].SiloPort}", status.Stdout);

            // Stopped: no more polls (but one that was under way), and gone from the status.
            var stop = Cli.Run(null, "watch", feed, "--cluster", db.Db, "--stop");
            Assert.True(stop.ExitCode == 0, stop.Stderr);
            Assert.Contains($"stopped {feed}", stop.Stdout);
            int polls = server.Hits("/feed").Count;
            Thread.Sleep(TimeSpan.FromSeconds(4));
            Assert.True(server.Hits("/feed").Count <= polls + 1, "the feed is still polled after --stop");
            Assert.DoesNotContain("feed\t", Cli.Run(null, "cluster", "status", "--db", db.Db).Stdout);
        }
        finally
        {
            foreach (var silo in silos.Values) silo.Dispose();
        }
    }

    [SkippableFact]
    public void A_silo_refuses_a_database_without_the_cluster_tables_by_code()
    {
        using var db = TestStore.Create("postgres");

        var silo = Cli.Run(null, "cluster", "silo", "--db", db.Db, "--advertise", "127.0.0.1");

        Assert.Equal(2, silo.ExitCode);
        Assert.Contains("DYAD030", silo.Stderr);
        Assert.Contains("dyad cluster init", silo.Stderr);
    }

    [Fact]
    public void Stop_needs_a_cluster_and_a_cluster_takes_no_once()
    {
        var stop = Cli.Run(null, "watch", "http://127.0.0.1:9/feed", "--stop");
        var once = Cli.Run(null, "watch", "http://127.0.0.1:9/feed", "--cluster", "postgres://dyad@127.0.0.1:9/none", "--once");

        Assert.Equal((2, 2), (stop.ExitCode, once.ExitCode));
        Assert.Contains("DYAD012: --stop", stop.Stderr);
        Assert.Contains("DYAD012: --once", once.Stderr);
    }

    private static void Wait(TimeSpan limit, Func<bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"not done within {limit.TotalSeconds} s");
            Thread.Sleep(250);
        }
    }
}
