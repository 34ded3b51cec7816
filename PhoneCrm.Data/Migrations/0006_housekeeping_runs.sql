-- One row per run of the housekeeping job; fire_instance_id is unique, so a run recorded twice (two
-- instances firing the same trigger) would fail loudly rather than pass unnoticed.
CREATE TABLE housekeeping_runs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    instance_id text NOT NULL,
    fire_instance_id text NOT NULL UNIQUE,
    scheduled_fire_time timestamptz,
    repaired_partitions integer NOT NULL,
    pruned_runs integer NOT NULL
);
