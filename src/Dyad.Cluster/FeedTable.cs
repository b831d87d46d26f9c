using System.Security.Cryptography;
using System.Text;
using Dyad.Pipeline;
using Dyad.Store;
using Npgsql;

namespace Dyad.Cluster;

/// <summary>How one feed is watched: the options of `dyad watch` that travel with its registration.</summary>
[GenerateSerializer, Immutable]
public sealed record FeedSettings(
    [property: Id(0)] string Url,
    [property: Id(1)] TimeSpan Every,
    [property: Id(2)] TimeSpan Timeout,
    [property: Id(3)] TimeSpan HostDelay);

/// <summary>A row of the feed table: the settings, the last poll, and how long until the next one is due.</summary>
public sealed record WatchedFeed(FeedSettings Settings, DateTimeOffset? PolledAt, string? PolledBy, string? Outcome, TimeSpan DueIn);

/// <summary>The feeds the cluster watches (table dyad_feeds of the cluster database, created by `dyad cluster init`).</summary>
public sealed class FeedTable(StoreLocation location)
{
    /// <summary>
    /// The feed grain's key: 32 hex digits of the URL's SHA-256. Not the URL itself, because Orleans' reminder table
    /// holds grain ids of at most 150 characters and feed URLs can be longer.
    /// </summary>
    public static string Key(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..32];

    /// <summary>Adds a feed, or changes its settings; its last poll is kept.</summary>
    public void Save(FeedSettings feed) => Run(command =>
    {
        command.CommandText = """
            INSERT INTO dyad_feeds (feed_key, url, every_ms, timeout_ms, host_delay_ms) VALUES (@key, @url, @every, @timeout, @delay)
            ON CONFLICT (feed_key) DO UPDATE SET url = excluded.url, every_ms = excluded.every_ms,
                timeout_ms = excluded.timeout_ms, host_delay_ms = excluded.host_delay_ms
            """;
        command.Parameters.AddWithValue("key", Key(feed.Url));
        command.Parameters.AddWithValue("url", feed.Url);
        command.Parameters.AddWithValue("every", (long)feed.Every.TotalMilliseconds);
        command.Parameters.AddWithValue("timeout", (long)feed.Timeout.TotalMilliseconds);
        command.Parameters.AddWithValue("delay", (long)feed.HostDelay.TotalMilliseconds);
        return command.ExecuteNonQuery();
    });

    /// <summary>Removes a feed; false when it was not there.</summary>
    public bool Delete(string key) => Run(command =>
    {
        command.CommandText = "DELETE FROM dyad_feeds WHERE feed_key = @key";
        command.Parameters.AddWithValue("key", key);
        return command.ExecuteNonQuery() > 0;
    });

    /// <summary>Records a poll, at the database's time.</summary>
    public void Polled(string key, string silo, string outcome) => Run(command =>
    {
        command.CommandText = "UPDATE dyad_feeds SET polled_at = now(), polled_by = @silo, outcome = @outcome WHERE feed_key = @key";
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("silo", silo);
        command.Parameters.AddWithValue("outcome", outcome);
        return command.ExecuteNonQuery();
    });

    public WatchedFeed? Read(string key) => Select("WHERE feed_key = @key", key).SingleOrDefault();

    public List<WatchedFeed> All() => Select("ORDER BY url", null);

    private List<WatchedFeed> Select(string rest, string? key) => Run(command =>
    {
        command.CommandText = $"""
            SELECT url, every_ms, timeout_ms, host_delay_ms, polled_at, polled_by, outcome,
                COALESCE(GREATEST(0, EXTRACT(EPOCH FROM polled_at + every_ms * interval '1 millisecond' - now())), 0)::float8
            FROM dyad_feeds {rest}
            """;
        if (key is not null) command.Parameters.AddWithValue("key", key);
        using var reader = command.ExecuteReader();
        var feeds = new List<WatchedFeed>();
        while (reader.Read())
        {
            var settings = new FeedSettings(reader.GetString(0), TimeSpan.FromMilliseconds(reader.GetInt64(1)),
                TimeSpan.FromMilliseconds(reader.GetInt64(2)), TimeSpan.FromMilliseconds(reader.GetInt64(3)));
            feeds.Add(new WatchedFeed(settings,
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                TimeSpan.FromSeconds(reader.GetDouble(7))));
        }
        return feeds;
    });

    private T Run<T>(Func<NpgsqlCommand, T> body)
    {
        try
        {
            using var connection = new NpgsqlConnection(location.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            return body(command);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new DyadException(ErrorCodes.ClusterTables, $"{location.Display}: no feed table; run `dyad cluster init --db ...`");
        }
        catch (NpgsqlException e)
        {
            throw new DyadException(ErrorCodes.StoreUnavailable, $"{location.Display}: cannot read or write the feed table ({e.Message})");
        }
    }
}
