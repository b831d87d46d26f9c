-- The feeds that the cluster watches, one row per feed: written by `dyad watch --cluster`, read by the feed grain when
-- it is activated (on any silo) and by `dyad cluster status`. Safe to run again.
CREATE TABLE IF NOT EXISTS dyad_feeds
(
    feed_key text PRIMARY KEY,          -- the feed grain's key, derived from the URL (see FeedTable.Key)
    url text NOT NULL,
    every_ms bigint NOT NULL,           -- time between two polls
    timeout_ms bigint NOT NULL,         -- longest wait for one response
    host_delay_ms bigint NOT NULL,      -- least time between two requests to one host
    registered timestamptz NOT NULL DEFAULT now(),
    polled_at timestamptz NULL,         -- the last poll's end, by the database's clock
    polled_by text NULL,                -- the silo that made it (address:port)
    outcome text NULL                   -- what it did, one line
);
