using System.Diagnostics;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// Gives the seeded base a call history of a quarter as many events as numbers (5M on 20M), written in SQL in
/// bulk as CallEventStore would have stored them: event ids, events (naming their project, so each links to
/// exactly one number), links, and the numbers' attempts, talk time, last call, status (by call_result_statuses
/// and the webhook's status rule) and worked_at. Every eighth number gets one to three events between its
/// creation and now. One statement per project through the parent table, so the numbers' statement triggers
/// (counters, conversion changes) see the updates as they see the webhook's. Not written: the per-number audit
/// rows, which no conversion figure reads.
/// </summary>
public sealed class CallHistorySeeder(BenchDatabase database)
{
    public sealed record Result(long Events, long Numbers, double InsertSeconds, double VacuumSeconds);

    public async Task<Result> SeedAsync(IReadOnlyList<long> projectIds, long[] sizes, CancellationToken cancellationToken)
    {
        // Months of arrival from the oldest number's creation on (the app makes only the current one and two ahead).
        await database.ExecuteAsync("""
            SELECT ensure_call_event_partitions(min(created_at), 3 + (extract(epoch FROM now() - min(created_at)) / 2419200)::int)
            FROM numbers
            """, cancellationToken);
        long events = 0, numbers = 0;
        var started = Stopwatch.GetTimestamp();
        var order = Enumerable.Range(0, projectIds.Count).OrderByDescending(i => sizes[i]);
        await Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var counts = await database.LongsAsync(InsertSql(projectIds[i]), ct);
                Interlocked.Add(ref events, counts[0]);
                Interlocked.Add(ref numbers, counts[1]);
            });
        var insertSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        started = Stopwatch.GetTimestamp();
        await database.ExecuteAsync("VACUUM (ANALYZE) numbers, call_events, call_links, call_event_ids", cancellationToken);
        return new Result(events, numbers, insertSeconds, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Calls of a number are spread evenly from its creation to now, in order. Half are missed, four in ten end
    /// after a talk of 15 s to 10 min, one in ten is an "answered" notice (no attempt, as the webhook counts).
    /// Returns one row: the events stored, then the numbers changed.
    /// </summary>
    private static string InsertSql(long projectId) => $"""
        WITH generated AS MATERIALIZED (
            SELECT n.id AS number_id, n.phone, t.type,
                   CASE t.type
                       WHEN 2 THEN CASE WHEN r < 8 THEN 'sale' WHEN r < 40 THEN 'reached' WHEN r < 60 THEN 'callback'
                                        WHEN r < 70 THEN 'rejected' END
                       WHEN 3 THEN CASE WHEN r < 30 THEN 'busy' WHEN r < 60 THEN 'no_answer' END
                   END AS result,
                   CASE WHEN t.type = 2 THEN 15 + (h % 586)::int ELSE 0 END AS duration_seconds,
                   n.created_at + (now() - n.created_at) * ((k - 1) + (h % 997) / 997.0) / c.calls AS started_at
            FROM numbers n
            CROSS JOIN LATERAL (SELECT 1 + (n.id / 8) % 3 AS calls) c
            CROSS JOIN LATERAL generate_series(1, c.calls) k
            CROSS JOIN LATERAL (SELECT ((n.id * 31 + k) * 2654435761) % 1000003 AS h) hh
            CROSS JOIN LATERAL (SELECT h % 100 AS b, (h / 100) % 100 AS r) hb
            CROSS JOIN LATERAL (SELECT CASE WHEN b < 50 THEN 3 WHEN b < 90 THEN 2 ELSE 1 END::smallint AS type) t
            WHERE n.project_id = {projectId} AND n.id % 8 = 0
        ),
        events AS MATERIALIZED (
            SELECT nextval('call_events_id_seq') AS id, g.*,
                   least(now(), g.started_at + (g.duration_seconds + 2) * interval '1 second') AS received_at
            FROM generated g
        ),
        ids AS (
            INSERT INTO call_event_ids (event_id, received_at) SELECT 'seed-' || id, received_at FROM events RETURNING 1
        ),
        stored AS (
            INSERT INTO call_events (received_at, id, event_id, type, direction, raw_phone, phone, operator, project_id,
                                     started_at, duration_seconds, result, recording_url, linked_numbers)
            SELECT received_at, id, 'seed-' || id, type, 1, phone, phone, 'bench', {projectId},
                   started_at, duration_seconds, result, NULL, 1
            FROM events
            RETURNING 1
        ),
        linked AS (
            INSERT INTO call_links (received_at, call_event_id, project_id, number_id, started_at)
            SELECT received_at, id, {projectId}, number_id, started_at FROM events
            RETURNING 1
        ),
        per_number AS (
            SELECT e.number_id,
                   count(*) FILTER (WHERE e.type IN (2, 3)) AS calls,
                   coalesce(sum(e.duration_seconds) FILTER (WHERE e.type = 2), 0) AS talk,
                   max(e.started_at) AS last_started,
                   max(e.received_at) AS last_received,
                   (array_agg(r.status ORDER BY e.started_at DESC, e.id DESC) FILTER (WHERE r.status IS NOT NULL))[1] AS mapped_status,
                   max(e.started_at) FILTER (WHERE r.status IS NOT NULL) AS mapped_at
            FROM events e
            LEFT JOIN call_result_statuses r ON r.result = lower(coalesce(e.result, CASE WHEN e.type = 3 THEN 'missed' END))
            GROUP BY e.number_id
        ),
        decided AS (
            SELECT n.id, pn.*,
                   CASE WHEN pn.mapped_status IS NOT NULL AND n.status NOT IN (5, 6)
                             AND (n.last_call_at IS NULL OR pn.mapped_at >= n.last_call_at)
                        THEN pn.mapped_status ELSE n.status END AS new_status
            FROM numbers n JOIN per_number pn ON n.id = pn.number_id
            WHERE n.project_id = {projectId}
        ),
        changed AS (
            UPDATE numbers n
            SET attempts = n.attempts + d.calls,
                talk_seconds = n.talk_seconds + d.talk,
                last_call_at = greatest(n.last_call_at, d.last_started),
                status = d.new_status,
                converted_at = CASE WHEN d.new_status = 5 AND n.status <> 5 THEN d.mapped_at ELSE n.converted_at END,
                worked_at = d.last_received
            FROM decided d
            WHERE n.project_id = {projectId} AND n.id = d.id
            RETURNING 1
        )
        SELECT unnest(ARRAY[(SELECT count(*) FROM stored), (SELECT count(*) FROM changed)])
        """;
}
