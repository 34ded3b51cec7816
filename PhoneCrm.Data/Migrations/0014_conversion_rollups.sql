-- Conversion rollups: per project, supplier, geo and day (the day the number was loaded, in the project's time
-- zone; see PhoneCrm.Core/Conversions/ConversionRules.cs for why), kept current by a job.
--
-- How it stays exact:
-- * Statement-level triggers on numbers (transition tables, one aggregate per statement, as number_counts) write
--   what each statement changed into conversion_changes: the new rows' figures minus the old rows' figures,
--   grouped. Imports, reverts, status changes and call events all write numbers through the parent table, so
--   every change is captured in the same transaction as the change itself: a change and its record commit or
--   roll back together.
-- * The job consumes the queue (DELETE ... RETURNING) and adds it into conversion_daily. It consumes rather
--   than reading past an id watermark because ids commit out of order: a transaction that took a lower id can
--   commit after a higher one was read. Consuming folds each committed change exactly once, whenever it commits.
-- * Changes are keyed by created_at in 15-minute slots (UTC), not by day: the day depends on the project's time
--   zone, which may change; the job maps slots to days with the zone it last built the project for
--   (conversion_projects) and rebuilds a project whose zone changed. Every zone's midnight falls on a
--   15-minute boundary, so a slot lies in one local day.
-- * A permanent delete drops a partition (no trigger fires); the job removes the rollup of a project that is gone.
-- * A rebuild recomputes a project (or all) from numbers in one REPEATABLE READ snapshot and deletes the queued
--   changes that snapshot sees (their effect is in it); changes committed later stay queued and are added after.

ALTER TABLE numbers ADD COLUMN talk_seconds integer NOT NULL DEFAULT 0;

-- Seconds of answered calls already stored, so talk time covers calls from before this migration.
UPDATE numbers n SET talk_seconds = t.seconds
FROM (SELECT l.project_id, l.number_id, sum(e.duration_seconds) AS seconds
      FROM call_links l JOIN call_events e ON e.received_at = l.received_at AND e.id = l.call_event_id
      WHERE e.type = 2
      GROUP BY l.project_id, l.number_id) t
WHERE n.project_id = t.project_id AND n.id = t.number_id;

CREATE TABLE conversion_changes (
    project_id bigint NOT NULL,
    supplier_id bigint NOT NULL,    -- 0: none
    geo_id bigint NOT NULL,         -- 0: none
    created_slot timestamptz NOT NULL,
    loaded bigint NOT NULL,
    processed bigint NOT NULL,
    reached bigint NOT NULL,
    converted bigint NOT NULL,
    rejected bigint NOT NULL,
    attempts bigint NOT NULL,
    talk_seconds bigint NOT NULL
);

CREATE TABLE conversion_daily (
    project_id bigint NOT NULL,
    day date NOT NULL,
    supplier_id bigint NOT NULL,    -- 0: none
    geo_id bigint NOT NULL,         -- 0: none
    loaded bigint NOT NULL,
    processed bigint NOT NULL,
    reached bigint NOT NULL,
    converted bigint NOT NULL,
    rejected bigint NOT NULL,
    attempts bigint NOT NULL,
    talk_seconds bigint NOT NULL,
    PRIMARY KEY (project_id, day, supplier_id, geo_id)
);
-- A group whose numbers are all gone (reverted) has loaded = 0 and is removed after each fold.
CREATE INDEX ix_conversion_daily_empty ON conversion_daily (project_id) WHERE loaded = 0;

-- The projects the rollup holds, with the time zone their days were computed in.
CREATE TABLE conversion_projects (
    project_id bigint PRIMARY KEY,
    time_zone text NOT NULL,
    rebuilt_at timestamptz NOT NULL
);

-- The last run of the job, for "current as of" on the dashboards.
CREATE TABLE conversion_rollup_state (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    last_run_at timestamptz,
    last_run_changes bigint NOT NULL DEFAULT 0,
    last_run_ms integer NOT NULL DEFAULT 0
);
INSERT INTO conversion_rollup_state DEFAULT VALUES;

-- The figures rule (ConversionRules): reached = status 3, 4, 5, 6; converted = 5; rejected = 6; processed =
-- attempts > 0. The three branches differ only in which transition tables exist and their signs.
CREATE FUNCTION conversion_changes_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO conversion_changes
        SELECT project_id, coalesce(supplier_id, 0), coalesce(geo_id, 0),
               date_bin('15 minutes', created_at, '2000-01-01 00:00:00+00'),
               count(*), count(*) FILTER (WHERE attempts > 0), count(*) FILTER (WHERE status IN (3, 4, 5, 6)),
               count(*) FILTER (WHERE status = 5), count(*) FILTER (WHERE status = 6), sum(attempts), sum(talk_seconds)
        FROM new_rows GROUP BY 1, 2, 3, 4;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO conversion_changes
        SELECT project_id, coalesce(supplier_id, 0), coalesce(geo_id, 0),
               date_bin('15 minutes', created_at, '2000-01-01 00:00:00+00'),
               -count(*), -count(*) FILTER (WHERE attempts > 0), -count(*) FILTER (WHERE status IN (3, 4, 5, 6)),
               -count(*) FILTER (WHERE status = 5), -count(*) FILTER (WHERE status = 6), -sum(attempts), -sum(talk_seconds)
        FROM old_rows GROUP BY 1, 2, 3, 4;
    ELSE
        INSERT INTO conversion_changes
        SELECT project_id, supplier_id, geo_id, created_slot,
               sum(sign), sum(sign * (attempts > 0)::int), sum(sign * (status IN (3, 4, 5, 6))::int),
               sum(sign * (status = 5)::int), sum(sign * (status = 6)::int), sum(sign * attempts), sum(sign * talk_seconds)
        FROM (SELECT -1 AS sign, project_id, coalesce(supplier_id, 0) AS supplier_id, coalesce(geo_id, 0) AS geo_id,
                     date_bin('15 minutes', created_at, '2000-01-01 00:00:00+00') AS created_slot,
                     status, attempts, talk_seconds
              FROM old_rows
              UNION ALL
              SELECT 1, project_id, coalesce(supplier_id, 0), coalesce(geo_id, 0),
                     date_bin('15 minutes', created_at, '2000-01-01 00:00:00+00'), status, attempts, talk_seconds
              FROM new_rows) changes
        GROUP BY 1, 2, 3, 4
        HAVING sum(sign * (attempts > 0)::int) <> 0 OR sum(sign * (status IN (3, 4, 5, 6))::int) <> 0
            OR sum(sign * (status = 5)::int) <> 0 OR sum(sign * (status = 6)::int) <> 0
            OR sum(sign * attempts) <> 0 OR sum(sign * talk_seconds) <> 0 OR sum(sign) <> 0;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER numbers_conversion_insert AFTER INSERT ON numbers
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION conversion_changes_capture();
CREATE TRIGGER numbers_conversion_update AFTER UPDATE ON numbers
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION conversion_changes_capture();
CREATE TRIGGER numbers_conversion_delete AFTER DELETE ON numbers
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION conversion_changes_capture();
