-- SoftPhone call events: stored once per sender event id, linked to the numbers they are about, and
-- partitioned by month of arrival.
--
-- * Partitioned by received_at (our clock), not by the sender's started_at: every insert lands in the current
--   month, which always exists (made ahead by the housekeeping job and at startup), and an event with an odd
--   start time can never fail for want of a partition. Old months can be detached and archived whole.
-- * Idempotency needs one unique key over all months; a unique index on a partitioned table must include the
--   partition key, so the sender's event ids live in their own small table.
-- * Links are rows of their own: one event can concern the same phone in several projects.

CREATE SEQUENCE call_events_id_seq AS bigint;

CREATE TABLE call_events (
    received_at timestamptz NOT NULL,
    id bigint NOT NULL,
    event_id text NOT NULL,
    type smallint NOT NULL,             -- CallEventType
    direction smallint NOT NULL,        -- CallDirection
    raw_phone text NOT NULL,            -- as sent
    phone text COLLATE "C",             -- E.164; null when the sender's value is not a phone number
    operator text,
    project_id bigint,                  -- as named by the event, when it names one
    started_at timestamptz NOT NULL,
    duration_seconds integer NOT NULL,
    result text,
    recording_url text,
    linked_numbers integer NOT NULL,    -- 0: unmatched, listed on the Unmatched calls page
    PRIMARY KEY (received_at, id)
) PARTITION BY RANGE (received_at);
ALTER SEQUENCE call_events_id_seq OWNED BY call_events.id;
CREATE INDEX ix_call_events_unmatched ON call_events (received_at DESC, id DESC) WHERE linked_numbers = 0;

CREATE TABLE call_event_ids (
    event_id text PRIMARY KEY,
    received_at timestamptz NOT NULL
);

CREATE TABLE call_links (
    received_at timestamptz NOT NULL,
    call_event_id bigint NOT NULL,
    project_id bigint NOT NULL,
    number_id bigint NOT NULL,
    started_at timestamptz NOT NULL,
    PRIMARY KEY (received_at, call_event_id, project_id)
) PARTITION BY RANGE (received_at);
-- The number card's call timeline.
CREATE INDEX ix_call_links_number ON call_links (project_id, number_id, started_at DESC);

-- Creates the monthly partitions (UTC months) of call_events and call_links from the month of p_from on,
-- p_months of them; returns how many it created. Safe to run again and from several instances at once.
CREATE FUNCTION ensure_call_event_partitions(p_from timestamptz, p_months integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    month_start timestamptz := date_trunc('month', p_from AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    next_start timestamptz;
    suffix text;
    created integer := 0;
    parent text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ensure_call_event_partitions'));
    FOR i IN 1..p_months LOOP
        next_start := month_start + interval '1 month';
        suffix := to_char(month_start AT TIME ZONE 'UTC', 'YYYYMM');
        FOREACH parent IN ARRAY ARRAY['call_events', 'call_links'] LOOP
            IF to_regclass(parent || '_' || suffix) IS NULL THEN
                EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                               parent || '_' || suffix, parent, month_start, next_start);
                created := created + 1;
            END IF;
        END LOOP;
        month_start := next_start;
    END LOOP;
    RETURN created;
END;
$$;

SELECT ensure_call_event_partitions(now(), 3);

-- What a call's result does to its number's status; administrators edit it. Results are matched lower-case;
-- a missed call without a result counts as the result 'missed'.
CREATE TABLE call_result_statuses (
    result text PRIMARY KEY CHECK (result = lower(result) AND length(result) BETWEEN 1 AND 64),
    status smallint NOT NULL CHECK (status BETWEEN 0 AND 6),
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO call_result_statuses (result, status) VALUES
    ('sale', 5), ('converted', 5), ('reached', 4), ('answered', 4), ('callback', 3),
    ('no_answer', 2), ('busy', 2), ('missed', 2), ('rejected', 6), ('refused', 6);

-- Shared secrets for the webhook signature, encrypted with ASP.NET Core Data Protection (the key ring is in
-- data_protection_keys, shared by every instance). Two may be active at once, for rotation.
CREATE TABLE webhook_secrets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    protected_secret text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL,
    revoked_at timestamptz,
    revoked_by text
);

ALTER TABLE users ADD COLUMN call_toasts_muted boolean NOT NULL DEFAULT false;

-- A number's history on its card reads the audit rows of that one number; calls make many of them.
CREATE INDEX ix_audit_log_entity_id_at ON audit_log (entity_type, entity_id, at DESC, id DESC);
