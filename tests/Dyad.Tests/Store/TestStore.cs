using Dyad.Documents;
using Dyad.Input;
using Dyad.Store;
using Npgsql;

namespace Dyad.Tests.Store;

/// <summary>A fresh, empty store on one backend: an SQLite file in a temporary folder, or a new PostgreSQL database.</summary>
public sealed class TestStore : IDisposable
{
    public static readonly TheoryData<string> Backends = new() { "sqlite", "postgres" };

    private readonly DirectoryInfo? _folder;

    private TestStore(string db, DirectoryInfo? folder)
    {
        Db = db;
        _folder = folder;
        Store = EventStore.Open(db);
    }

    /// <summary>What --db takes for this store.</summary>
    public string Db { get; }
    public EventStore Store { get; }

    /// <summary>The PostgreSQL server that ./test starts; tests on it are skipped when it is absent (a bare dotnet test).</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("DYAD_TEST_POSTGRES");

    public static TestStore Create(string backend)
    {
        if (backend == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("dyad-store");
            return new TestStore(Path.Combine(folder.FullName, "events.db"), folder);
        }
        Skip.If(PostgresServer is null, "DYAD_TEST_POSTGRES is not set: run ./test, which starts a PostgreSQL server");
        string name = $"dyad_test_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(PostgresServer))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            create.ExecuteNonQuery();
        }
        return new TestStore(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString, null);
    }

    public IngestTotals Ingest(IEnumerable<Article> articles, int batchSize = 64, Action<IngestTotals>? onBatch = null) =>
        new Ingestor(Shared.Engine, Store, new IngestOptions { BatchSize = batchSize })
            .Run(articles.Select(a => new InputItem(a, null)), onBatch);

    public void Dispose() => _folder?.Delete(recursive: true);
}
