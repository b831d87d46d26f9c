using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Documents;
using Dyad.Output;
using Dyad.Pipeline;

namespace Dyad.Store;

/// <summary>
/// The event store, on SQLite or PostgreSQL with the same behaviour: documents, their events and evidence, event
/// clusters merging reports of one happening across articles, and the queries over them. Every batch is one
/// transaction: a crash loses nothing committed and leaves no half-stored document.
/// </summary>
public sealed class EventStore
{
    public const int SchemaVersion = 1;
    private static readonly HashSet<EventType> Undirected = [EventType.CONSULT, EventType.AGREE, EventType.COOPERATE];

    /// <summary>The columns that <see cref="ReadEvents"/> reads.</summary>
    private const string SelectEvents = """
        SELECT e.id, e.cluster_id, c.num_reports, c.num_articles, c.num_sources, d.id, d.doc_key, d.url, d.source, d.title, e.record
        FROM events e JOIN documents d ON d.id = e.document_id JOIN clusters c ON c.id = e.cluster_id
        """;

    private readonly Dialect _dialect;

    private EventStore(StoreLocation location)
    {
        Location = location;
        _dialect = Dialect.For(location);
    }

    public StoreLocation Location { get; }

    /// <summary>Opens a store, creating its schema when the database is new; refuses a database of another program.</summary>
    public static EventStore Open(StoreLocation location)
    {
        var store = new EventStore(location);
        store.Guard(store.Initialise);
        return store;
    }

    public static EventStore Open(string? db) => Open(StoreLocation.Parse(db));

    private void Initialise()
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        _dialect.LockSchema(transaction);
        if (_dialect.HasTable(connection, "meta"))
        {
            int version = int.Parse(Scalar<string>(transaction, "SELECT value FROM meta WHERE key = 'schema_version'", []) ?? "0", CultureInfo.InvariantCulture);
            if (version > SchemaVersion)
                throw new DyadException(ErrorCodes.StoreVersion, $"{Location.Display}: the store has schema version {version}; this Dyad reads up to {SchemaVersion}");
            transaction.Commit();
            return;
        }
        if (!_dialect.IsEmpty(connection))
            throw new DyadException(ErrorCodes.NotAStore, $"{Location.Display}: a database of another program (no Dyad tables); give an empty or new database");
        using var stream = typeof(EventStore).Assembly.GetManifestResourceStream(_dialect.SchemaResource)!;
        Execute(transaction, new StreamReader(stream).ReadToEnd(), []);
        Execute(transaction, "INSERT INTO meta (key, value) VALUES ('schema_version', @v), ('created_by', @by)",
            [("v", SchemaVersion.ToString(CultureInfo.InvariantCulture)), ("by", $"dyad {Engine.ProgramVersion}")]);
        transaction.Commit();
    }

    /// <summary>The documents already stored with one of <paramref name="hashes"/>: hash to document key.</summary>
    public Dictionary<string, string> KnownHashes(IReadOnlyCollection<string> hashes) => Lookup("hash", hashes);

    /// <summary>Which of <paramref name="keys"/> (URLs or ids) are stored documents.</summary>
    public HashSet<string> KnownKeys(IReadOnlyCollection<string> keys) => [.. Lookup("doc_key", keys).Keys];

    /// <summary>The stored documents whose <paramref name="column"/> is one of <paramref name="values"/>: value to document key.</summary>
    private Dictionary<string, string> Lookup(string column, IReadOnlyCollection<string> values) => Guard(() =>
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        using var connection = Connect();
        foreach (var chunk in values.Chunk(500))
        {
            using var command = connection.CreateCommand();
            for (int i = 0; i < chunk.Length; i++) Add(command, $"v{i}", chunk[i]);
            command.CommandText = $"SELECT {column}, doc_key FROM documents WHERE {column} IN ({string.Join(',', chunk.Select((_, i) => $"@v{i}"))})";
            using var reader = command.ExecuteReader();
            while (reader.Read()) found[reader.GetString(0)] = reader.GetString(1);
        }
        return found;
    });

    /// <summary>Stores a batch in one transaction; reports of a happening within <paramref name="windowDays"/> join one cluster.</summary>
    /// <summary>With <paramref name="recode"/>, an unchanged document's events are replaced too.</summary>
    public BatchResult Store(IReadOnlyList<CodedDocument> batch, int windowDays, bool recode = false) => Guard(() =>
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        using var writer = new BatchWriter(this, transaction, windowDays, recode);
        writer.LockClusters(batch);
        foreach (var doc in batch) writer.Add(doc);
        writer.Finish();
        transaction.Commit();
        return writer.Result;
    });

    /// <summary>Events matching the filters, newest first: one row per cluster (its first matching report) unless Reports is set.</summary>
    public List<StoredEvent> Query(EventQuery query) => Guard(() =>
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        string where = Filters(command, query);
        string chosen = query.Reports
            ? $"SELECT e.id FROM events e JOIN documents d ON d.id = e.document_id WHERE {where}"
            : $"SELECT min(e.id) FROM events e JOIN documents d ON d.id = e.document_id JOIN clusters c ON c.id = e.cluster_id WHERE {where} GROUP BY e.cluster_id";
        command.CommandText = $"""
            {SelectEvents}
            WHERE e.id IN ({chosen})
            ORDER BY e.date DESC, e.id
            LIMIT @limit OFFSET @offset
            """;
        Add(command, "limit", query.Limit);
        Add(command, "offset", query.Offset);
        return ReadEvents(command);
    });

    public StoredEvent? Event(long id) => Guard(() =>
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"{SelectEvents} WHERE e.id = @id";
        Add(command, "id", id);
        return ReadEvents(command).FirstOrDefault();
    });

    /// <summary>The reports of one cluster.</summary>
    public List<StoredEvent> Reports(long clusterId) => Guard(() =>
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"{SelectEvents} WHERE e.cluster_id = @id ORDER BY e.id";
        Add(command, "id", clusterId);
        return ReadEvents(command);
    });

    /// <summary>
    /// Events (clusters) and their reports, mean score over reports, cooperation and conflict events per period, for the
    /// filters' dyad or actor. An event counts in the period of its cluster's date.
    /// </summary>
    public List<PeriodStats> Stats(EventQuery query, Period by) => Guard(() =>
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        string period = _dialect.Period("c.date", by);
        command.CommandText = $"""
            SELECT {period}, count(*), sum(c.num_reports), sum(c.score * c.num_reports) / sum(c.num_reports),
                   sum(CASE WHEN c.quad <= 2 THEN 1 ELSE 0 END), sum(CASE WHEN c.quad >= 3 THEN 1 ELSE 0 END)
            FROM clusters c WHERE c.date IS NOT NULL AND {ClusterFilters(command, query)}
            GROUP BY {period} ORDER BY 1
            """;
        var rows = new List<PeriodStats>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add(new PeriodStats(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetInt32(4), reader.GetInt32(5)));
        return rows;
    });

    /// <summary>The country dyads with the most events under the filters.</summary>
    public List<DyadCount> TopDyads(EventQuery query, int count) => Guard(() =>
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT y.actor_country, y.recipient_country, count(*) AS n, sum(c.num_reports), sum(c.score * c.num_reports) / sum(c.num_reports)
            FROM cluster_dyads y JOIN clusters c ON c.id = y.cluster_id
            WHERE y.recipient_country <> '' AND {ClusterFilters(command, query)}
            GROUP BY y.actor_country, y.recipient_country ORDER BY n DESC, 1, 2 LIMIT @top
            """;
        Add(command, "top", count);
        var rows = new List<DyadCount>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add(new DyadCount(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetDouble(4)));
        return rows;
    });

    public StoreCounts Counts() => Guard(() =>
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) FROM clusters)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    });

    /// <summary>Stored documents in id order, those coded by another version only when <paramref name="otherThan"/> is set.</summary>
    public IEnumerable<StoredDocument> Documents(string? otherThan, long afterId = 0, int limit = int.MaxValue)
    {
        var page = Guard(() =>
        {
            using var connection = Connect();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT id, doc_key, url, title, source, pub_date, text, version FROM documents
                WHERE id > @after {(otherThan is null ? "" : "AND version <> @version")} ORDER BY id LIMIT @limit
                """;
            Add(command, "after", afterId);
            Add(command, "limit", limit);
            if (otherThan is not null) Add(command, "version", otherThan);
            using var reader = command.ExecuteReader();
            var docs = new List<StoredDocument>();
            while (reader.Read())
            {
                DateOnly? date = reader.IsDBNull(5) ? null : reader.GetValue(5) switch
                {
                    DateOnly d => d,
                    DateTime t => DateOnly.FromDateTime(t),
                    var v => DateOnly.Parse((string)v, CultureInfo.InvariantCulture),
                };
                docs.Add(new StoredDocument(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), date, reader.GetString(6), reader.GetString(7)));
            }
            return docs;
        });
        return page;
    }

    public StoredDocument? Document(long id) => Documents(null, id - 1, 1).FirstOrDefault(d => d.Id == id);

    /// <summary>Runs on every new connection; tests use it to simulate a full disk.</summary>
    internal Action<DbConnection>? OnConnect { get; set; }

    private DbConnection Connect()
    {
        var connection = _dialect.Connect();
        OnConnect?.Invoke(connection);
        return connection;
    }

    private string Filters(DbCommand command, EventQuery q)
    {
        var conditions = new List<string> { "1 = 1" };
        if (Parties(command, q, "e.cluster_id", "e.id") is { } parties) conditions.Add(parties);
        if (q.Type is { } type) { conditions.Add("e.type = @type"); Add(command, "type", type.ToUpperInvariant()); }
        // An event (cluster) is dated by its first report; a report by its own date.
        string date = q.Reports ? "e.date" : "c.date";
        if (q.From is { } from) { conditions.Add($"{date} >= @from"); Add(command, "from", from); }
        if (q.To is { } to) { conditions.Add($"{date} <= @to"); Add(command, "to", to); }
        if (q.Place is { Length: > 0 } place)
        {
            conditions.Add("(lower(e.place) LIKE @place OR e.place_country = @placeCode)");
            Add(command, "place", $"%{place.ToLowerInvariant()}%");
            Add(command, "placeCode", place.ToUpperInvariant());
        }
        if (q.Text is { Length: > 0 } text) { conditions.Add(_dialect.TextMatch("d")); Add(command, "text", TextQuery(text)); }
        return string.Join(" AND ", conditions);
    }

    /// <summary>Conditions on the clusters aliased c: type, dates, and parties (through their dyads).</summary>
    private static string ClusterFilters(DbCommand command, EventQuery q)
    {
        var conditions = new List<string> { "1 = 1" };
        if (Parties(command, q, "c.id", "c.id") is { } parties) conditions.Add(parties);
        if (q.Type is { } type) { conditions.Add("c.type = @type"); Add(command, "type", type.ToUpperInvariant()); }
        if (q.From is { } from) { conditions.Add("c.date >= @from"); Add(command, "from", from); }
        if (q.To is { } to) { conditions.Add("c.date <= @to"); Add(command, "to", to); }
        return string.Join(" AND ", conditions);
    }

    /// <summary>
    /// The actor and recipient filters, or null: by country through the clusters' dyads (small and fast), with a
    /// sector through the reports' dyads.
    /// </summary>
    private static string? Parties(DbCommand command, EventQuery q, string clusterColumn, string eventColumn)
    {
        if (q.Actor is null && q.Recipient is null) return null;
        string conditions = PartyConditions(command, q, "y");
        if (q.Actor?.Sector is null && q.Recipient?.Sector is null)
            return $"{clusterColumn} IN (SELECT y.cluster_id FROM cluster_dyads y WHERE {conditions})";
        return eventColumn == clusterColumn
            ? $"{clusterColumn} IN (SELECT y.cluster_id FROM dyads y WHERE {conditions})"
            : $"{eventColumn} IN (SELECT y.event_id FROM dyads y WHERE {conditions})";
    }

    private static string PartyConditions(DbCommand command, EventQuery q, string alias)
    {
        var conditions = new List<string> { "1 = 1" };
        void Party(ActorFilter? filter, string role)
        {
            if (filter is null) return;
            conditions.Add($"{alias}.{role}_country = @{role}Country");
            Add(command, $"{role}Country", filter.Country);
            if (filter.Sector is { } sector)
            {
                conditions.Add($"{alias}.{role}_sector = @{role}Sector");
                Add(command, $"{role}Sector", sector);
            }
        }
        Party(q.Actor, "actor");
        Party(q.Recipient, "recipient");
        return string.Join(" AND ", conditions);
    }

    /// <summary>Words of a --text search, each quoted for SQLite FTS5 (all must occur); PostgreSQL reads them as web search.</summary>
    private string TextQuery(string text) => _dialect is PostgresDialect
        ? text
        : string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => $"\"{w.Replace("\"", "", StringComparison.Ordinal)}\""));

    private static List<StoredEvent> ReadEvents(DbCommand command)
    {
        var events = new List<StoredEvent>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetInt64(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetString(10)));
        }
        return events;
    }

    private T Guard<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (_dialect.Translate(e) is { } error)
        {
            throw error;
        }
    }

    private void Guard(Action body) => Guard(() => { body(); return 0; });

    internal static void Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    internal static void Execute(DbTransaction transaction, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) Add(command, name, value);
        command.ExecuteNonQuery();
    }

    internal static T? Scalar<T>(DbTransaction transaction, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) Add(command, name, value);
        var result = command.ExecuteScalar();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Writes one batch inside its transaction.</summary>
    private sealed class BatchWriter(EventStore store, DbTransaction transaction, int windowDays, bool recode) : IDisposable
    {
        private readonly Dictionary<string, DbCommand> _commands = [];
        private readonly HashSet<long> _touched = [];
        private int _stored, _replaced, _unchanged, _duplicates, _events, _merged;

        public BatchResult Result => new(_stored, _replaced, _unchanged, _duplicates, _events, _merged);

        public void Add(CodedDocument doc)
        {
            var existing = Row("SELECT id, hash FROM documents WHERE doc_key = @key", ("key", doc.Key));
            if (existing is { } e && (string)e[1] == doc.Hash && !recode) { _unchanged++; return; }
            if (RunScalar("SELECT count(*) FROM documents WHERE hash = @hash AND doc_key <> @key", [("hash", doc.Hash), ("key", doc.Key)]) > 0)
            {
                _duplicates++;
                return;
            }
            var a = doc.Article;
            (string, object?)[] fields =
            [
                ("key", doc.Key), ("hash", doc.Hash), ("url", a.Url), ("title", a.Title), ("source", doc.Source), ("date", a.Date),
                ("text", a.Text), ("version", doc.Version), ("at", DateTime.UtcNow),
            ];
            long id;
            if (existing is { } old)
            {
                id = Convert.ToInt64(old[0], CultureInfo.InvariantCulture);
                ForgetEvents(id);
                Run("""
                    UPDATE documents SET hash = @hash, url = @url, title = @title, source = @source, pub_date = @date, text = @text,
                    version = @version, stored_at = @at WHERE doc_key = @key
                    """, fields);
                _replaced++;
            }
            else
            {
                id = RunScalar("""
                    INSERT INTO documents (doc_key, hash, url, title, source, pub_date, text, version, stored_at)
                    VALUES (@key, @hash, @url, @title, @source, @date, @text, @version, @at) RETURNING id
                    """, fields);
                _stored++;
            }
            foreach (var record in doc.Records) AddEvent(id, doc.Source, record);
        }

        /// <summary>Recounts the clusters that lost reports of a replaced document and drops those left empty.</summary>
        public void Finish()
        {
            if (_touched.Count == 0) return;
            string ids = string.Join(',', _touched);
            Run($"""
                UPDATE clusters SET
                    num_reports = (SELECT count(*) FROM events e WHERE e.cluster_id = clusters.id),
                    num_articles = (SELECT count(DISTINCT e.document_id) FROM events e WHERE e.cluster_id = clusters.id),
                    num_sources = (SELECT count(DISTINCT e.source) FROM events e WHERE e.cluster_id = clusters.id)
                WHERE id IN ({ids})
                """, []);
            Run($"DELETE FROM clusters WHERE id IN ({ids}) AND num_reports = 0", []);
        }

        private void ForgetEvents(long documentId)
        {
            using (var reader = Prepared("SELECT DISTINCT cluster_id FROM events WHERE document_id = @id", [("id", documentId)]).ExecuteReader())
                while (reader.Read()) _touched.Add(reader.GetInt64(0));
            Run("DELETE FROM events WHERE document_id = @id", [("id", documentId)]);
        }

        private void AddEvent(long documentId, string source, EventRecord record)
        {
            var ev = record.Event;
            bool undirected = ev.Reciprocal || Undirected.Contains(ev.Type);
            var (type, actorKey, recipientKey) = ClusterKey(ev);
            DateOnly? date = ev.Date ?? record.Document.Article.Date;
            long cluster = Cluster(type, actorKey, recipientKey, date, record);
            Run("""
                UPDATE clusters SET num_reports = num_reports + 1,
                    num_articles = num_articles + CASE WHEN EXISTS (SELECT 1 FROM events WHERE cluster_id = @c AND document_id = @d) THEN 0 ELSE 1 END,
                    num_sources = num_sources + CASE WHEN EXISTS (SELECT 1 FROM events WHERE cluster_id = @c AND source = @s) THEN 0 ELSE 1 END
                WHERE id = @c
                """, [("c", cluster), ("d", documentId), ("s", source)]);
            var json = new MemoryStream();
            using (var writer = new Utf8JsonWriter(json)) PloverWriter.WriteRecord(writer, record);
            long id = RunScalar("""
                INSERT INTO events (record_id, document_id, cluster_id, source, date, type, mode, cameo, quad, score, actor, recipient, place, place_country, lat, lon, record)
                VALUES (@rid, @doc, @cluster, @source, @date, @type, @mode, @cameo, @quad, @score, @actor, @recipient, @place, @country, @lat, @lon, @record)
                RETURNING id
                """,
            [
                ("rid", record.Id), ("doc", documentId), ("cluster", cluster), ("source", source), ("date", date), ("type", ev.Type.ToString()),
                ("mode", string.Join(';', ev.Modes)), ("cameo", ev.Cameo), ("quad", record.Quad), ("score", record.Score),
                ("actor", Codes(ev.Actors)), ("recipient", Codes(ev.Recipients)), ("place", ev.Place?.Resolved),
                ("country", ev.Place?.CountryCode), ("lat", ev.Place?.Lat), ("lon", ev.Place?.Lon),
                ("record", Encoding.UTF8.GetString(json.GetBuffer(), 0, (int)json.Length)),
            ]);
            var doc = record.Document;
            foreach (int s in ev.MoreSentences.Prepend(ev.Sentence))
            {
                var span = doc.ToOriginal(doc.Sentences[s].Span);
                Run("INSERT INTO evidence (event_id, sentence_start, sentence_end) VALUES (@e, @s, @t)",
                    [("e", id), ("s", span.Start), ("t", span.End)]);
            }
            foreach (var (actor, recipient) in Pairs(ev, undirected))
            {
                Run("""
                    INSERT INTO dyads (event_id, cluster_id, actor_country, actor_sector, recipient_country, recipient_sector, type, quad, score, date)
                    VALUES (@e, @c, @ac, @as, @rc, @rs, @type, @quad, @score, @date)
                    """,
                [
                    ("e", id), ("c", cluster), ("ac", actor.Code), ("as", actor.Sector), ("rc", recipient?.Code ?? ""),
                    ("rs", recipient?.Sector ?? ""), ("type", ev.Type.ToString()), ("quad", record.Quad), ("score", record.Score), ("date", date),
                ]);
            }
            _events++;
        }

        /// <summary>The actor-recipient pairs of an event; the parties of an undirected event pair with each other both ways.</summary>
        private static IEnumerable<(Actor Actor, Actor? Recipient)> Pairs(Event ev, bool undirected)
        {
            var parties = undirected ? ev.Actors.Concat(ev.Recipients).DistinctBy(a => (a.Code, a.Sector)).ToList() : null;
            if (parties is { Count: > 1 })
            {
                foreach (var a in parties)
                    foreach (var b in parties)
                        if (a.Code != b.Code) yield return (a, b);
                yield break;
            }
            foreach (var a in ev.Actors)
            {
                if (ev.Recipients.Count == 0) yield return (a, null);
                foreach (var r in ev.Recipients) yield return (a, r);
            }
        }

        /// <summary>
        /// Takes the lock of every cluster key of the batch, in one order, before writing: concurrent batches that share
        /// keys then wait for each other instead of deadlocking.
        /// </summary>
        public void LockClusters(IReadOnlyList<CodedDocument> batch)
        {
            var keys = batch.SelectMany(d => d.Records).Select(r => ClusterKey(r.Event)).Select(k => $"{k.Type}|{k.Actor}|{k.Recipient}");
            foreach (var key in keys.Distinct().Order(StringComparer.Ordinal)) store._dialect.Lock(transaction, key);
        }

        /// <summary>What reports of one happening share: the type and the sorted countries; undirected events list all parties as actors.</summary>
        private static (string Type, string Actor, string Recipient) ClusterKey(Event ev)
        {
            bool undirected = ev.Reciprocal || Undirected.Contains(ev.Type);
            return (ev.Type.ToString(), Key(undirected ? ev.Actors.Concat(ev.Recipients) : ev.Actors), undirected ? "" : Key(ev.Recipients));
        }

        /// <summary>The cluster of reports of the same type and countries within the window, created when there is none.</summary>
        private long Cluster(string type, string actor, string recipient, DateOnly? date, EventRecord first)
        {
            string dateCondition = date is null ? "date IS NULL" : "date BETWEEN @lo AND @hi";
            var parameters = new List<(string, object?)> { ("type", type), ("actor", actor), ("recipient", recipient) };
            if (date is { } d) { parameters.Add(("lo", d.AddDays(-windowDays))); parameters.Add(("hi", d.AddDays(windowDays))); }
            long found = RunScalar(
                $"SELECT min(id) FROM clusters WHERE type = @type AND actor = @actor AND recipient = @recipient AND {dateCondition}", parameters);
            if (found > 0)
            {
                _merged++;
                return found;
            }
            long id = RunScalar("""
                INSERT INTO clusters (type, actor, recipient, date, quad, score) VALUES (@type, @actor, @recipient, @date, @quad, @score) RETURNING id
                """, [("type", type), ("actor", actor), ("recipient", recipient), ("date", date), ("quad", first.Quad), ("score", first.Score)]);
            foreach (var (a, r) in CountryPairs(actor.Split(';'), recipient.Length == 0 ? [] : recipient.Split(';'), recipient.Length == 0))
            {
                Run("INSERT INTO cluster_dyads (cluster_id, actor_country, recipient_country, date) VALUES (@c, @a, @r, @date)",
                    [("c", id), ("a", a), ("r", r), ("date", date)]);
            }
            return id;
        }

        /// <summary>A cluster's country pairs: actors with recipients, or (with no recipient) every two parties both ways.</summary>
        private static IEnumerable<(string Actor, string Recipient)> CountryPairs(string[] actors, string[] recipients, bool undirected)
        {
            if (recipients.Length > 0)
                return actors.SelectMany(a => recipients.Select(r => (a, r)));
            if (undirected && actors.Length > 1)
                return actors.SelectMany(a => actors.Where(b => b != a).Select(b => (a, b)));
            return actors.Select(a => (a, ""));
        }

        private static string Key(IEnumerable<Actor> actors) => string.Join(';', actors.Select(a => a.Code).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal));

        private static string Codes(IEnumerable<Actor> actors) => string.Join(';', actors.Select(a => a.Sector.Length > 0 ? $"{a.Code}:{a.Sector}" : a.Code));

        /// <summary>One command per statement for the whole batch, so each statement is prepared once.</summary>
        private DbCommand Prepared(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = transaction.Connection!.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                foreach (var (name, value) in parameters) EventStore.Add(command, name, value);
                _commands[sql] = command;
                return command;
            }
            for (int i = 0; i < parameters.Count; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
            return command;
        }

        private void Run(string sql, IReadOnlyList<(string Name, object? Value)> parameters) => Prepared(sql, parameters).ExecuteNonQuery();

        private long RunScalar(string sql, IReadOnlyList<(string Name, object? Value)> parameters) =>
            Prepared(sql, parameters).ExecuteScalar() is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : 0;

        private object[]? Row(string sql, params (string Name, object? Value)[] parameters)
        {
            using var reader = Prepared(sql, parameters).ExecuteReader();
            if (!reader.Read()) return null;
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            return values;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values) command.Dispose();
        }
    }
}
