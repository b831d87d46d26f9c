-- Dyad event store, SQLite. Version 1. See docs/store.md.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    doc_key TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    url TEXT,
    title TEXT,
    source TEXT NOT NULL,
    pub_date TEXT,
    text TEXT NOT NULL,
    version TEXT NOT NULL,
    stored_at TEXT NOT NULL
);
CREATE INDEX documents_hash ON documents (hash);

CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    actor TEXT NOT NULL,
    recipient TEXT NOT NULL,
    date TEXT,
    num_reports INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0,
    quad INTEGER NOT NULL,
    score REAL NOT NULL
);
CREATE INDEX clusters_key ON clusters (type, actor, recipient, date);

CREATE TABLE cluster_dyads (
    cluster_id INTEGER NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
    actor_country TEXT NOT NULL,
    recipient_country TEXT NOT NULL,
    date TEXT
);
CREATE INDEX cluster_dyads_pair ON cluster_dyads (actor_country, recipient_country, date, cluster_id);
CREATE INDEX cluster_dyads_recipient ON cluster_dyads (recipient_country, date, cluster_id);
CREATE INDEX cluster_dyads_date ON cluster_dyads (date, actor_country, recipient_country, cluster_id);
CREATE INDEX cluster_dyads_cluster ON cluster_dyads (cluster_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    cluster_id INTEGER NOT NULL REFERENCES clusters (id),
    source TEXT NOT NULL,
    date TEXT,
    type TEXT NOT NULL,
    mode TEXT NOT NULL,
    cameo TEXT NOT NULL,
    quad INTEGER NOT NULL,
    score REAL NOT NULL,
    actor TEXT NOT NULL,
    recipient TEXT NOT NULL,
    place TEXT,
    place_country TEXT,
    lat REAL,
    lon REAL,
    record TEXT NOT NULL
);
CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_cluster ON events (cluster_id, document_id);
CREATE INDEX events_cluster_source ON events (cluster_id, source);
CREATE INDEX events_date ON events (date);

CREATE TABLE evidence (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL
);
CREATE INDEX evidence_event ON evidence (event_id);

CREATE TABLE dyads (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    cluster_id INTEGER NOT NULL,
    actor_country TEXT NOT NULL,
    actor_sector TEXT NOT NULL,
    recipient_country TEXT NOT NULL,
    recipient_sector TEXT NOT NULL,
    type TEXT NOT NULL,
    quad INTEGER NOT NULL,
    score REAL NOT NULL,
    date TEXT
);
CREATE INDEX dyads_pair ON dyads (actor_country, recipient_country);
CREATE INDEX dyads_recipient ON dyads (recipient_country);
CREATE INDEX dyads_event ON dyads (event_id);

CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content = 'documents', content_rowid = 'id');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
