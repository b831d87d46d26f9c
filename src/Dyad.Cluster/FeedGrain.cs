using Dyad.Feeds;
using Dyad.Pipeline;
using Dyad.Store;
using Orleans.Concurrency;

namespace Dyad.Cluster;

/// <summary>
/// One watched feed, keyed by <see cref="FeedTable.Key"/> of its URL. Orleans keeps at most one activation of a key in
/// the cluster, so one silo polls the feed at a time.
/// </summary>
public interface IFeedGrain : IGrainWithStringKey
{
    /// <summary>Starts watching the feed, or changes how: saves the settings, registers the reminder, polls at once.</summary>
    Task Watch(FeedSettings settings);

    /// <summary>Stops watching the feed, cancelling a poll under way; false when it was not watched.</summary>
    [AlwaysInterleave]
    Task<bool> Stop();
}

/// <summary>What a silo gives its feed grains: the engine, the store, the feed table and where log lines go.</summary>
internal sealed class SiloFeeds(Engine engine, EventStore store, FeedTable table, string silo, string userAgent, TimeSpan reminderPeriod, Action<string> log)
{
    public FeedTable Table => table;
    public string Silo => silo;
    /// <summary>The period of every feed's reminder: how soon a feed whose silo died is activated on another one.</summary>
    public TimeSpan ReminderPeriod => reminderPeriod;

    /// <summary>A log line, with the time as `dyad watch` writes it.</summary>
    public void Log(string line) => log($"{DateTime.Now:HH:mm:ss} {line}");

    public FeedWatcher Watcher(FeedSettings feed) => new(new Ingestor(engine, store, new IngestOptions()), store,
        new WatchOptions { Every = feed.Every, Timeout = feed.Timeout, PerHostDelay = feed.HostDelay, UserAgent = userAgent }, Log);
}

/// <summary>
/// Polls one feed with a grain timer. Its reminder, in the cluster database, activates it again (on a live silo) after
/// its silo died or the cluster restarted; the feed table says how to poll and when the last poll was.
/// </summary>
internal sealed class FeedGrain(SiloFeeds silo) : Grain, IFeedGrain, IRemindable
{
    private const string Reminder = "poll";
    private FeedSettings? _feed;
    private FeedWatcher? _watcher;
    private IGrainTimer? _timer;
    private CancellationTokenSource _cancel = new();
    private bool _polling;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        if (await Task.Run(() => silo.Table.Read(Key), ct) is { } row) Start(row.Settings, row.DueIn);
    }

    public async Task Watch(FeedSettings settings)
    {
        if (FeedTable.Key(settings.Url) != Key) throw new ArgumentException($"the feed {settings.Url} belongs to another grain");
        await Task.Run(() => silo.Table.Save(settings));
        await this.RegisterOrUpdateReminder(Reminder, silo.ReminderPeriod, silo.ReminderPeriod);
        Start(settings, TimeSpan.Zero);
    }

    public async Task<bool> Stop()
    {
        StopPolling();
        bool watched = await Task.Run(() => silo.Table.Delete(Key));
        if (await this.GetReminder(Reminder) is { } reminder) await this.UnregisterReminder(reminder);
        if (watched) silo.Log($"feed {_feed?.Url ?? Key}: no longer watched");
        _feed = null;
        this.DeactivateOnIdle();
        return watched;
    }

    /// <summary>The activation that the call made is all a tick needs, but for a feed that was stopped meanwhile.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_feed is not null) return;
        if (await this.GetReminder(reminderName) is { } reminder) await this.UnregisterReminder(reminder);
        this.DeactivateOnIdle();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct)
    {
        StopPolling();
        return Task.CompletedTask;
    }

    private void Start(FeedSettings feed, TimeSpan dueIn)
    {
        StopPolling();
        _feed = feed;
        _cancel = new CancellationTokenSource();
        _watcher = silo.Watcher(feed);
        _timer = this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(dueIn, feed.Every) { KeepAlive = true });
    }

    private void StopPolling()
    {
        _cancel.Cancel();
        _timer?.Dispose();
        _timer = null;
        if (!_polling) _watcher?.Dispose(); // else the poll disposes it when it ends
        _watcher = null;
    }

    private async Task Poll(CancellationToken ct)
    {
        if (_watcher is not { } watcher || _feed is not { } feed) return;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct, _cancel.Token);
        string outcome;
        _polling = true;
        try
        {
            // Off the grain's scheduler: fetching and coding take seconds and must not hold the silo's threads.
            var result = await Task.Run(() => watcher.PollAsync(feed.Url, cancel.Token), cancel.Token);
            outcome = result.Error ?? (result.NotModified ? "not modified"
                : $"{result.Items} item(s), {result.Stored} new, {result.Seen} seen, {result.Skipped} skipped, {result.Failed} failed");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return;
        }
        catch (DyadException e)
        {
            outcome = e.Message;
            silo.Log($"feed {feed.Url}: {e.Message}; tried again at the next poll");
        }
        finally
        {
            _polling = false;
            if (!ReferenceEquals(watcher, _watcher)) watcher.Dispose();
        }
        try
        {
            await Task.Run(() => silo.Table.Polled(Key, silo.Silo, outcome));
        }
        catch (DyadException e)
        {
            silo.Log($"feed {feed.Url}: {e.Message}");
        }
    }
}
