using Dyad.Pipeline;
using Dyad.Store;
using Npgsql;

namespace Dyad.Cluster;

/// <summary>The PostgreSQL database a cluster shares: Orleans' membership tables beside the Dyad event store.</summary>
public static class ClusterDatabase
{
    /// <summary>Orleans' name for the cluster: silos and clients with the same id in one database form one cluster.</summary>
    public const string ClusterId = "dyad";
    public const string Invariant = "Npgsql";

    /// <summary>The Npgsql connection string of a --db or --cluster value, which must name a PostgreSQL database.</summary>
    public static StoreLocation Locate(string db, string option)
    {
        var location = StoreLocation.Parse(db);
        if (location.Backend != Backend.Postgres)
            throw new DyadException(ErrorCodes.BadArgument, $"{option}: a cluster needs PostgreSQL (postgres://user:password@host:port/database), not '{db}'");
        return location;
    }

    /// <summary>The cluster's own tables, in order: Orleans' membership and reminders (which need OrleansQuery), Dyad's feeds.</summary>
    private static readonly string[] Schemas = ["orleans-clustering.sql", "orleans-reminders.sql", "dyad-feeds.sql"];

    /// <summary>Creates the store schema, then the cluster's tables; running it again adds what is missing and changes nothing else.</summary>
    public static void Init(StoreLocation location)
    {
        // The store first: it refuses a non-empty database without its own tables.
        EventStore.Open(location);
        string ddl = string.Concat(Schemas.Select(name =>
        {
            using var stream = typeof(ClusterDatabase).Assembly.GetManifestResourceStream($"Dyad.Cluster.Schema.{name}")!;
            return new StreamReader(stream).ReadToEnd() + "\n";
        }));
        try
        {
            using var connection = new NpgsqlConnection(location.ConnectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction();
            using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(1330793550)", connection, transaction)) command.ExecuteNonQuery();
            using (var command = new NpgsqlCommand(ddl, connection, transaction)) command.ExecuteNonQuery();
            transaction.Commit();
        }
        catch (NpgsqlException e)
        {
            throw new DyadException(ErrorCodes.StoreUnavailable, $"{location.Display}: cannot create the cluster tables ({e.Message})");
        }
    }

    /// <summary>Refuses a database without the tables of this Dyad's `cluster init` (one made before feeds lacks two of them).</summary>
    public static void Check(StoreLocation location)
    {
        bool ready;
        try
        {
            using var connection = new NpgsqlConnection(location.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand("""
                SELECT to_regclass('orleansmembershiptable') IS NOT NULL AND to_regclass('orleansreminderstable') IS NOT NULL
                    AND to_regclass('dyad_feeds') IS NOT NULL
                """, connection);
            ready = (bool)command.ExecuteScalar()!;
        }
        catch (NpgsqlException e)
        {
            throw new DyadException(ErrorCodes.StoreUnavailable, $"{location.Display}: cannot reach the cluster database ({e.Message})");
        }
        if (!ready)
            throw new DyadException(ErrorCodes.ClusterTables, $"{location.Display}: the cluster tables are missing or out of date; run `dyad cluster init --db ...`");
    }

    /// <summary>The silos of the cluster as the membership table lists them: address:port, generation and Orleans status number.</summary>
    public static List<(string Silo, int Generation, int Status)> Silos(StoreLocation location)
    {
        using var connection = new NpgsqlConnection(location.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT Address || ':' || Port, Generation, Status FROM OrleansMembershipTable WHERE DeploymentId = @id ORDER BY 1, 2", connection);
        command.Parameters.AddWithValue("id", ClusterId);
        using var reader = command.ExecuteReader();
        var silos = new List<(string, int, int)>();
        while (reader.Read()) silos.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        return silos;
    }
}
