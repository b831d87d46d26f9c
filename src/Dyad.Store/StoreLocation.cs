using Dyad.Pipeline;
using Npgsql;

namespace Dyad.Store;

public enum Backend { Sqlite, Postgres }

/// <summary>Where a store lives: an SQLite file (the default) or a PostgreSQL database given by URL or connection string.</summary>
public sealed record StoreLocation(Backend Backend, string ConnectionString, string Display)
{
    /// <summary>The default SQLite file: $DYAD_DB, else $XDG_DATA_HOME/dyad/dyad.db, else ~/.local/share/dyad/dyad.db.</summary>
    public static string DefaultPath()
    {
        if (Environment.GetEnvironmentVariable("DYAD_DB") is { Length: > 0 } env) return env;
        string data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(data, "dyad", "dyad.db");
    }

    public static StoreLocation Parse(string? db)
    {
        db ??= DefaultPath();
        if (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return FromUrl(db);
        if (db.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            var builder = new NpgsqlConnectionStringBuilder(db);
            return new StoreLocation(Backend.Postgres, db, $"postgres {builder.Host}:{builder.Port}/{builder.Database}");
        }
        return new StoreLocation(Backend.Sqlite, db, Path.GetFullPath(db));
    }

    private static StoreLocation FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw new DyadException(ErrorCodes.BadArgument, $"--db: '{url}' is not a PostgreSQL URL (postgres://user:password@host:port/database)");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } name ? Uri.UnescapeDataString(name) : "postgres",
        };
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0) builder.Username = Uri.UnescapeDataString(user[0]);
        if (user.Length > 1) builder.Password = Uri.UnescapeDataString(user[1]);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return new StoreLocation(Backend.Postgres, builder.ConnectionString, $"postgres {builder.Host}:{builder.Port}/{builder.Database}");
    }
}
