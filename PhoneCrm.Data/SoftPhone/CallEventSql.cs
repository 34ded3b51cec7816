namespace PhoneCrm.Data.SoftPhone;

/// <summary>
/// The two steps of a call event.
/// <list type="bullet">
/// <item><see cref="Accept"/> stores a batch of events (new event ids and the events, not yet linked) and announces
/// them for toasts, in one statement: that is all the webhook waits for.</item>
/// <item><see cref="Link"/> then does, for a group of waiting events, everything they do to numbers: links, the
/// numbers' new state, and an audit row per changed number.</item>
/// </list>
/// Several requests' events share each statement, so under load a statement carries hundreds of events, where one
/// per request would pay the statement's fixed cost thousands of times a second. Data-modifying CTEs run whether
/// or not the final SELECT reads them; a SELECT CTE (notified) runs only because the final SELECT reads it.
/// </summary>
internal static class CallEventSql
{
    // A replayed event id stops at call_event_ids and changes nothing. linked_numbers NULL: waiting for Link.
    // $12 is the notification channel.
    public const string Accept = """
        WITH raw AS MATERIALIZED (
            SELECT * FROM unnest($1::text[], $2::smallint[], $3::smallint[], $4::text[], $5::text[], $6::text[], $7::bigint[],
                                 $8::timestamptz[], $9::integer[], $10::text[], $11::text[])
                 WITH ORDINALITY AS e(event_id, type, direction, raw_phone, phone, operator, project_id, started_at,
                                      duration_seconds, result, recording_url, ord)
        ),
        -- An event id sent twice in one batch is stored once: its first occurrence.
        input AS MATERIALIZED (
            SELECT DISTINCT ON (event_id) * FROM raw ORDER BY event_id, ord
        ),
        fresh AS (
            INSERT INTO call_event_ids (event_id, received_at)
            SELECT event_id, now() FROM input
            ON CONFLICT DO NOTHING
            RETURNING event_id
        ),
        new_events AS MATERIALIZED (
            SELECT nextval('call_events_id_seq') AS id, i.* FROM input i JOIN fresh f USING (event_id)
        ),
        stored AS (
            INSERT INTO call_events (received_at, id, event_id, type, direction, raw_phone, phone, operator, project_id,
                                     started_at, duration_seconds, result, recording_url, linked_numbers)
            SELECT now(), e.id, e.event_id, e.type, e.direction, e.raw_phone, e.phone, e.operator, e.project_id,
                   e.started_at, e.duration_seconds, e.result, e.recording_url, NULL
            FROM new_events e
            RETURNING 1
        ),
        -- Toasts go out when events are stored, not when they are linked: the numbers an event is about are known
        -- now, and operators see a call at once even while linking runs behind. Each notification names up to 100
        -- (event, project, number) triples (a payload holds under 8000 bytes), all received at one moment; the
        -- projects let an instance with no one to show them skip reading the rows. NOTIFY is transactional:
        -- listeners hear of the events only once they are committed.
        reached AS MATERIALIZED (
            SELECT e.id AS call_event_id, r.project_id, r.number_id
            FROM new_events e CROSS JOIN LATERAL call_event_numbers(e.phone, e.project_id) r
        ),
        notified AS (
            SELECT count(pg_notify($12, json_build_object('at', now(), 'ids', ids, 'projects', projects, 'numbers', numbers)::text)) AS n
            FROM (SELECT array_agg(call_event_id ORDER BY call_event_id, project_id) AS ids,
                         array_agg(project_id ORDER BY call_event_id, project_id) AS projects,
                         array_agg(number_id ORDER BY call_event_id, project_id) AS numbers
                  FROM (SELECT *, (row_number() OVER ()) / 100 AS chunk FROM reached) numbered
                  GROUP BY chunk) chunks
        )
        -- One row per event sent, in order: whether it was stored now (not seen before). Several requests can share
        -- one statement, and each gets its own events' outcomes back.
        SELECT r.ord::int, n.id IS NOT NULL
        FROM raw r
        LEFT JOIN new_events n ON n.ord = r.ord
        CROSS JOIN (SELECT count(*) FROM stored) s
        CROSS JOIN notified
        ORDER BY r.ord
        """;

    // The oldest waiting events, locked: instances that link at the same time take different ones. $2: ids to leave.
    public const string Pending = """
        SELECT received_at, id, phone FROM call_events
        WHERE linked_numbers IS NULL AND NOT (id = ANY($2))
        ORDER BY received_at, id
        LIMIT $1
        FOR UPDATE SKIP LOCKED
        """;

    public const string WaitingMoreThan = """
        SELECT count(*) > $1 FROM (SELECT 1 FROM call_events WHERE linked_numbers IS NULL LIMIT $1 + 1) waiting
        """;

    /// <summary>
    /// Links the events keyed by $1 (received_at) and $2 (id), locked by <see cref="Pending"/>.
    /// <para>
    /// $3 is the live projects that hold any of their phones (<see cref="CandidateProjects"/>, read just before).
    /// Every reference to numbers is limited to them, so the planner or the executor prunes the other partitions:
    /// the statement's cost follows the projects it touches, not the hundreds that exist. A number imported into
    /// another project between the two reads is simply not linked, as if the event had come just before that import.
    /// </para>
    /// </summary>
    public const string Link = """
        WITH events AS MATERIALIZED (
            SELECT e.* FROM unnest($1::timestamptz[], $2::bigint[]) AS k(received_at, id)
            JOIN call_events e ON e.received_at = k.received_at AND e.id = k.id
        ),
        -- The linking rule is call_event_numbers (migration 0015).
        matches AS MATERIALIZED (
            SELECT e.received_at, e.id AS call_event_id, r.project_id, r.number_id, e.type, e.started_at, e.duration_seconds,
                   lower(coalesce(e.result, CASE WHEN e.type = 3 THEN 'missed' END)) AS result
            FROM events e CROSS JOIN LATERAL call_event_numbers(e.phone, e.project_id) r
            WHERE r.project_id = ANY($3)
        ),
        link_counts AS MATERIALIZED (
            SELECT e.received_at, e.id, count(m.call_event_id) AS n
            FROM events e LEFT JOIN matches m ON m.call_event_id = e.id
            GROUP BY e.received_at, e.id
        ),
        marked AS (
            UPDATE call_events c SET linked_numbers = l.n
            FROM link_counts l
            WHERE c.received_at = l.received_at AND c.id = l.id
            RETURNING c.linked_numbers
        ),
        linked AS (
            INSERT INTO call_links (received_at, call_event_id, project_id, number_id, started_at)
            SELECT received_at, call_event_id, project_id, number_id, started_at FROM matches
            RETURNING 1
        ),
        -- Per number: finished calls (ended, missed) count as attempts; the status comes from the newest call
        -- whose result has a mapping.
        per_number AS (
            SELECT m.project_id, m.number_id,
                   count(*) FILTER (WHERE m.type IN (2, 3)) AS calls,
                   -- Talk time: the seconds of answered calls, reported when they end.
                   coalesce(sum(m.duration_seconds) FILTER (WHERE m.type = 2), 0) AS talk,
                   max(m.started_at) AS last_started,
                   (array_agg(r.status ORDER BY m.started_at DESC, m.call_event_id DESC)
                        FILTER (WHERE r.status IS NOT NULL))[1] AS mapped_status,
                   max(m.started_at) FILTER (WHERE r.status IS NOT NULL) AS mapped_at,
                   -- The first call of the group with an outcome (converted 5, rejected 6): it stands whatever the
                   -- group's later calls say, as it would had the calls come one request each.
                   (array_agg(r.status ORDER BY m.started_at, m.call_event_id) FILTER (WHERE r.status IN (5, 6)))[1] AS outcome_status,
                   min(m.started_at) FILTER (WHERE r.status IN (5, 6)) AS outcome_at
            FROM matches m LEFT JOIN call_result_statuses r ON r.result = m.result
            GROUP BY m.project_id, m.number_id
        ),
        -- Locked in one order, so two batches about the same numbers wait for each other instead of deadlocking;
        -- the locked values are the old values the audit rows record.
        -- The status rule: a number already converted or rejected keeps it (outcomes only people undo); otherwise
        -- a call with an outcome sets it, even one that arrives late (a sale is a sale, whichever request carried
        -- it); otherwise the newest mapped result sets the status unless the call is older than the one that set
        -- it last (status_call_at, migration 0020: a late event does not overwrite what a newer call decided). So
        -- the grouping and order of the same calls into requests does not change the outcome.
        locked AS MATERIALIZED (
            SELECT n.project_id, n.id, n.status, n.attempts, n.last_call_at, n.converted_at,
                   pn.calls, pn.talk, pn.last_started, coalesce(pn.outcome_at, pn.mapped_at) AS mapped_at,
                   CASE WHEN n.status IN (5, 6) THEN n.status
                        WHEN pn.outcome_status IS NOT NULL THEN pn.outcome_status
                        WHEN pn.mapped_status IS NOT NULL
                             AND pn.mapped_at >= coalesce(n.status_call_at, '-infinity')
                        THEN pn.mapped_status
                        ELSE n.status END AS new_status,
                   CASE WHEN pn.mapped_at >= coalesce(n.status_call_at, '-infinity')
                        THEN pn.mapped_at ELSE n.status_call_at END AS new_status_call_at
            FROM numbers n JOIN per_number pn ON n.project_id = pn.project_id AND n.id = pn.number_id
            WHERE n.project_id = ANY($3)
            ORDER BY n.project_id, n.id
            FOR UPDATE OF n
        ),
        changed AS (
            UPDATE numbers n
            SET attempts = l.attempts + l.calls,
                talk_seconds = n.talk_seconds + l.talk,
                last_call_at = greatest(l.last_call_at, l.last_started),
                status = l.new_status,
                status_call_at = l.new_status_call_at,
                converted_at = CASE WHEN l.new_status = 5 AND l.status <> 5 THEN l.mapped_at ELSE l.converted_at END,
                worked_at = now()
            FROM locked l
            WHERE n.project_id = l.project_id AND n.id = l.id AND n.project_id = ANY($3)
            RETURNING n.project_id, n.id, n.status, n.attempts, n.last_call_at,
                      l.status AS old_status, l.attempts AS old_attempts, l.last_call_at AS old_last_call_at
        ),
        audited AS (
            INSERT INTO audit_log (at, actor, action, entity_type, entity_id, old_values, new_values)
            SELECT now(), $4, $5, $6, c.id::text,
                   jsonb_build_object('status', c.old_status, 'attempts', c.old_attempts, 'last_call_at', c.old_last_call_at),
                   jsonb_build_object('project_id', c.project_id, 'status', c.status, 'attempts', c.attempts,
                                      'last_call_at', c.last_call_at)
            FROM changed c
            RETURNING 1
        )
        -- The events linked, the links made, the events that reached no number.
        SELECT count(*)::int, coalesce(sum(m.linked_numbers), 0)::int, count(*) FILTER (WHERE m.linked_numbers = 0)::int
        FROM marked m
        CROSS JOIN (SELECT count(*) FROM linked) l
        CROSS JOIN (SELECT count(*) FROM audited) a
        """;

    // The phones' projects, for $3 of Link: one probe of phone_directory per phone.
    public const string CandidateProjects = """
        SELECT coalesce(array_agg(DISTINCT d.project_id), '{}')
        FROM phone_directory d JOIN projects p ON p.id = d.project_id AND p.deleted_at IS NULL
        WHERE d.phone = ANY($1)
        """;

    // What a toast shows about an event and each number it is about. p is that number's project.
    private const string ToastSelect = """
        SELECT e.id, e.received_at, e.type, n.phone, p.id, p.name, n.id, s.name
        """;

    /// <summary>
    /// The rows a notification names: $2, $3 and $4 are its (event, project, number) triples, all received at $1;
    /// $5 is the distinct projects, so that only their partitions are read (see <see cref="Common.PrunedPlans"/>).
    /// </summary>
    public const string ToastRows = ToastSelect + "\n" + """
        FROM unnest($2::bigint[], $3::bigint[], $4::bigint[]) AS t(call_event_id, project_id, number_id)
        JOIN call_events e ON e.received_at = $1 AND e.id = t.call_event_id
        JOIN projects p ON p.id = t.project_id
        JOIN numbers n ON n.project_id = t.project_id AND n.id = t.number_id AND n.project_id = ANY($5)
        LEFT JOIN suppliers s ON s.id = n.supplier_id
        ORDER BY e.id
        """;

    /// <summary>After a lost LISTEN connection: every event received since a moment, with the numbers it is about.</summary>
    public const string ToastRowsSince = ToastSelect + "\n" + """
        FROM call_events e
        CROSS JOIN LATERAL call_event_numbers(e.phone, e.project_id) r
        JOIN projects p ON p.id = r.project_id
        JOIN numbers n ON n.project_id = r.project_id AND n.id = r.number_id
        LEFT JOIN suppliers s ON s.id = n.supplier_id
        WHERE e.received_at >= $1
        ORDER BY e.id
        LIMIT 5000
        """;
}
