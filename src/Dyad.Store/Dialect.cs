using System.Data.Common;
using Dyad.Pipeline;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dyad.Store;

/// <summary>What differs between the two backends: connecting, schema, full-text search, periods, locks, errors.</summary>
internal abstract class Dialect
{
    public static Dialect For(StoreLocation location) => location.Backend switch
    {
        Backend.Postgres => new PostgresDialect(location),
        _ => new SqliteDialect(location),
    };

    public abstract string SchemaResource { get; }
    public abstract DbConnection Connect();
    public abstract bool HasTable(DbConnection connection, string table);
    /// <summary>True when the database holds no table at all (a new file or an empty database).</summary>
    public abstract bool IsEmpty(DbConnection connection);
    /// <summary>A condition that the document aliased <paramref name="doc"/> matches the words of parameter @text.</summary>
    public abstract string TextMatch(string doc);
    /// <summary>An expression giving the period ("2024-11", "2024-W44", "2024") of a date column.</summary>
    public abstract string Period(string column, Period by);
    /// <summary>Serialises writers that touch the same event cluster (no-op where the database has one writer).</summary>
    public abstract void Lock(DbTransaction transaction, string key);
    /// <summary>Serialises schema creation between processes.</summary>
    public abstract void LockSchema(DbTransaction transaction);
    /// <summary>Turns a provider error into a Dyad error that names the store, or null when it is not a store error.</summary>
    public abstract DyadException? Translate(Exception e);
}

public enum Period { Day, Week, Month, Year }

internal sealed class SqliteDialect(StoreLocation location) : Dialect
{
    public override string SchemaResource => "Dyad.Store.Schema.sqlite.sql";

    public override DbConnection Connect()
    {
        string? folder = Path.GetDirectoryName(location.Display);
        try
        {
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DyadException(ErrorCodes.StoreUnavailable, $"{location.Display}: cannot create the database folder ({e.Message})");
        }
        var builder = new SqliteConnectionStringBuilder { DataSource = location.ConnectionString, DefaultTimeout = 120, Pooling = true };
        var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 120000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public override bool HasTable(DbConnection connection, string table) =>
        Scalar(connection, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'") > 0;

    public override bool IsEmpty(DbConnection connection) => Scalar(connection, "SELECT count(*) FROM sqlite_master") == 0;

    public override string TextMatch(string doc) => $"{doc}.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @text)";

    public override string Period(string column, Period by) => by switch
    {
        Store.Period.Day => column,
        Store.Period.Week => $"strftime('%Y-W%W', {column})",
        Store.Period.Year => $"substr({column}, 1, 4)",
        _ => $"substr({column}, 1, 7)",
    };

    public override void Lock(DbTransaction transaction, string key) { }

    public override void LockSchema(DbTransaction transaction) { }

    public override DyadException? Translate(Exception e) => e is not SqliteException s ? null : s.SqliteErrorCode switch
    {
        26 => new DyadException(ErrorCodes.NotAStore, $"{location.Display}: not a database file (corrupt, or another kind of file)"),
        11 => new DyadException(ErrorCodes.NotAStore, $"{location.Display}: the database file is corrupt ({s.Message})"),
        13 => new DyadException(ErrorCodes.StoreWriteFailed, $"{location.Display}: the disk or database is full; the batch was rolled back"),
        8 => new DyadException(ErrorCodes.StoreWriteFailed, $"{location.Display}: the database is read-only; nothing was written"),
        14 => new DyadException(ErrorCodes.StoreUnavailable, $"{location.Display}: cannot open the database file ({s.Message})"),
        5 or 6 => new DyadException(ErrorCodes.StoreBusy, $"{location.Display}: the database stayed locked by another process; try again"),
        10 => new DyadException(ErrorCodes.StoreWriteFailed, $"{location.Display}: a disk I/O error; the batch was rolled back"),
        _ => new DyadException(ErrorCodes.StoreWriteFailed, $"{location.Display}: {s.Message}"),
    };

    private static long Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

internal sealed class PostgresDialect(StoreLocation location) : Dialect
{
    public override string SchemaResource => "Dyad.Store.Schema.postgres.sql";

    public override DbConnection Connect()
    {
        var connection = new NpgsqlConnection(location.ConnectionString);
        connection.Open();
        return connection;
    }

    public override bool HasTable(DbConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT to_regclass('{table}') IS NOT NULL";
        return (bool)command.ExecuteScalar()!;
    }

    public override bool IsEmpty(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    public override string TextMatch(string doc) => $"{doc}.search @@ websearch_to_tsquery('english', @text)";

    public override string Period(string column, Period by) => by switch
    {
        Store.Period.Day => $"to_char({column}, 'YYYY-MM-DD')",
        Store.Period.Week => $"to_char({column}, 'IYYY-\"W\"IW')",
        Store.Period.Year => $"to_char({column}, 'YYYY')",
        _ => $"to_char({column}, 'YYYY-MM')",
    };

    public override void Lock(DbTransaction transaction, string key) => AdvisoryLock(transaction, StableHash(key));

    public override void LockSchema(DbTransaction transaction) => AdvisoryLock(transaction, 0x44594144);

    public override DyadException? Translate(Exception e) => e switch
    {
        PostgresException p when p.SqlState.StartsWith("57", StringComparison.Ordinal) || p.SqlState.StartsWith("08", StringComparison.Ordinal) =>
            new DyadException(ErrorCodes.StoreUnavailable, $"{location.Display}: the server ended the connection ({p.MessageText}); what was committed is kept, run again to complete"),
        PostgresException p => new DyadException(ErrorCodes.StoreWriteFailed, $"{location.Display}: {p.MessageText} ({p.SqlState}); the batch was rolled back"),
        NpgsqlException n => new DyadException(ErrorCodes.StoreUnavailable, $"{location.Display}: the server cannot be reached or went away ({n.InnerException?.Message ?? n.Message}); what was committed is kept, run again to complete"),
        _ => null,
    };

    private static void AdvisoryLock(DbTransaction transaction, long key)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        var p = command.CreateParameter();
        p.ParameterName = "key";
        p.Value = key;
        command.Parameters.Add(p);
        command.ExecuteNonQuery();
    }

    /// <summary>FNV-1a, the same on every machine (string.GetHashCode is not).</summary>
    private static long StableHash(string key)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in key)
        {
            hash ^= c;
            hash *= 1099511628211;
        }
        return unchecked((long)hash);
    }
}
