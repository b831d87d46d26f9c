-- Orleans ADO.NET clustering tables for PostgreSQL, written for Dyad from the provider's contract: the table shapes,
-- the query keys it loads from OrleansQuery, their parameters (@Name) and the columns it reads back by name.
-- Safe to run again: tables are created when missing, functions and queries replaced.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey varchar(64) NOT NULL PRIMARY KEY,
    QueryText varchar(8000) NOT NULL
);

-- One row per cluster (DeploymentId is the ClusterId); Version is the membership table's etag.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL PRIMARY KEY,
    Timestamp timestamptz(3) NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0
);

-- One row per silo incarnation (address, port, generation). Status 3 is Active, 6 Dead.
CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
    Address varchar(45) NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName varchar(150) NOT NULL,
    HostName varchar(150) NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NULL,
    SuspectTimes varchar(8000) NULL,
    StartTime timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Adds a silo's row and bumps the version, both or neither: false when the version moved on or the row exists.
CREATE OR REPLACE FUNCTION orleans_insert_member(
    deployment varchar, address_ varchar, port_ integer, generation_ integer, silo varchar, host varchar,
    status_ integer, proxy integer, started timestamptz, alive timestamptz, expected integer) RETURNS boolean AS $$
BEGIN
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = deployment AND Version = expected;
    IF NOT FOUND THEN RETURN false; END IF;
    INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES (deployment, address_, port_, generation_, silo, host, status_, proxy, started, alive);
    RETURN true;
EXCEPTION WHEN unique_violation THEN
    RETURN false;
END
$$ LANGUAGE plpgsql;

-- Updates a silo's row and bumps the version, both or neither.
CREATE OR REPLACE FUNCTION orleans_update_member(
    deployment varchar, address_ varchar, port_ integer, generation_ integer, status_ integer, suspects varchar,
    alive timestamptz, expected integer) RETURNS boolean AS $$
BEGIN
    UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = deployment AND Version = expected;
    IF NOT FOUND THEN RETURN false; END IF;
    UPDATE OrleansMembershipTable SET Status = status_, SuspectTimes = suspects, IAmAliveTime = alive
    WHERE DeploymentId = deployment AND Address = address_ AND Port = port_ AND Generation = generation_;
    IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'no_data_found'; END IF;
    RETURN true;
EXCEPTION WHEN no_data_found THEN
    RETURN false;
END
$$ LANGUAGE plpgsql;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', '
    WITH added AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
        ON CONFLICT (DeploymentId) DO NOTHING RETURNING 1)
    SELECT count(*) > 0 FROM added'),
('InsertMembershipKey', '
    SELECT orleans_insert_member(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version)'),
('UpdateMembershipKey', '
    SELECT orleans_update_member(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
        @IAmAliveTime, @Version)'),
('UpdateIAmAlivetimeKey', '
    UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation'),
('MembershipReadRowKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
        AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId'),
('MembershipReadAllKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId'),
('DeleteMembershipTableEntriesKey', '
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId'),
('GatewaysQueryKey', '
    SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0'),
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = 6 AND IAmAliveTime < @IAmAliveTime'),
('CleanupDefunctSiloEntryKey', '
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = 6 AND Address = @Address AND Port = @Port
        AND Generation = @Generation AND IAmAliveTime = @IAmAliveTime AND StartTime = @StartTime
        AND SuspectTimes IS NOT DISTINCT FROM @SuspectTimes')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
