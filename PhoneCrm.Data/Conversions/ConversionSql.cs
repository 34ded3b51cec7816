namespace PhoneCrm.Data.Conversions;

/// <summary>
/// The rollup's statements (the schema and its reasons are in Migrations/0014_conversion_rollups.sql). The
/// figures rule is ConversionRules: reached = status 3, 4, 5, 6; converted = 5; rejected = 6; processed =
/// attempts &gt; 0; every measure counts on the day the number was loaded, in the project's time zone.
/// </summary>
internal static class ConversionSql
{
    /// <summary>Taken for the session by every run and rebuild, so they never overlap on any instance.</summary>
    public const long LockKey = 0x636F6E76_65727400; // "convert"

    public const string Measures = "loaded, processed, reached, converted, rejected, attempts, talk_seconds";

    /// <summary>Projects that are gone (permanently deleted) leave the rollup and the queue.</summary>
    public const string RemoveGoneProjects = """
        WITH gone AS (
            DELETE FROM conversion_projects cp WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = cp.project_id)
            RETURNING project_id
        ),
        gone_rows AS (
            DELETE FROM conversion_daily WHERE project_id IN (SELECT project_id FROM gone) RETURNING 1
        )
        DELETE FROM conversion_changes c
        WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = c.project_id)
           OR c.project_id IN (SELECT project_id FROM gone)
        """;

    /// <summary>Projects the rollup does not hold yet, or holds in a time zone the project no longer has.</summary>
    public const string StaleProjects = """
        SELECT p.id FROM projects p LEFT JOIN conversion_projects cp ON cp.project_id = p.id
        WHERE cp.project_id IS NULL OR cp.time_zone <> p.schedule_time_zone
        ORDER BY p.id
        """;

    /// <summary>
    /// Consumes the queued changes of the projects whose zone is current and adds them into the daily rows.
    /// Changes of a project waiting for a rebuild stay queued: the rebuild takes them.
    /// </summary>
    public const string Fold = $"""
        WITH consumed AS (
            DELETE FROM conversion_changes c
            USING conversion_projects cp, projects p
            WHERE c.project_id = cp.project_id AND p.id = cp.project_id AND p.schedule_time_zone = cp.time_zone
            RETURNING c.*, cp.time_zone
        ),
        -- A data-modifying CTE runs whether or not the final SELECT reads it.
        folded AS (
            INSERT INTO conversion_daily AS d (project_id, day, supplier_id, geo_id, {Measures})
            SELECT project_id, (created_slot AT TIME ZONE time_zone)::date, supplier_id, geo_id,
                   sum(loaded), sum(processed), sum(reached), sum(converted), sum(rejected), sum(attempts), sum(talk_seconds)
            FROM consumed
            GROUP BY 1, 2, 3, 4
            ON CONFLICT (project_id, day, supplier_id, geo_id) DO UPDATE SET
                loaded = d.loaded + excluded.loaded, processed = d.processed + excluded.processed,
                reached = d.reached + excluded.reached, converted = d.converted + excluded.converted,
                rejected = d.rejected + excluded.rejected, attempts = d.attempts + excluded.attempts,
                talk_seconds = d.talk_seconds + excluded.talk_seconds
        )
        SELECT count(*) FROM consumed
        """;

    /// <summary>Groups whose numbers are all gone (a reverted import).</summary>
    public const string RemoveEmptyGroups = "DELETE FROM conversion_daily WHERE loaded = 0";

    public const string RecordRun = """
        UPDATE conversion_rollup_state SET last_run_at = now(), last_run_changes = $1, last_run_ms = $2
        """;

    /// <summary>
    /// Recomputes the projects in scope from numbers. Runs in a REPEATABLE READ snapshot: the queued changes it
    /// deletes are exactly those whose effects the snapshot's numbers already show.
    /// Slots first, days second: the time zone is applied per group, not per number.
    /// </summary>
    public static string[] Rebuild(bool allProjects)
    {
        var scope = allProjects ? "true" : "project_id = $1";
        var projectScope = allProjects ? "true" : "p.id = $1";
        return
        [
            $"DELETE FROM conversion_changes WHERE {scope}",
            $"DELETE FROM conversion_daily WHERE {scope}",
            $"""
            INSERT INTO conversion_daily (project_id, day, supplier_id, geo_id, {Measures})
            SELECT s.project_id, (s.created_slot AT TIME ZONE p.schedule_time_zone)::date, s.supplier_id, s.geo_id,
                   sum(loaded), sum(processed), sum(reached), sum(converted), sum(rejected), sum(attempts), sum(talk_seconds)
            FROM (SELECT project_id, coalesce(supplier_id, 0) AS supplier_id, coalesce(geo_id, 0) AS geo_id,
                         date_bin('15 minutes', created_at, '2000-01-01 00:00:00+00') AS created_slot,
                         count(*) AS loaded, count(*) FILTER (WHERE attempts > 0) AS processed,
                         count(*) FILTER (WHERE status IN (3, 4, 5, 6)) AS reached,
                         count(*) FILTER (WHERE status = 5) AS converted, count(*) FILTER (WHERE status = 6) AS rejected,
                         sum(attempts) AS attempts, sum(talk_seconds) AS talk_seconds
                  FROM numbers WHERE {scope}
                  GROUP BY 1, 2, 3, 4) s
            JOIN projects p ON p.id = s.project_id
            GROUP BY 1, 2, 3, 4
            """,
            $"""
            INSERT INTO conversion_projects (project_id, time_zone, rebuilt_at)
            SELECT p.id, p.schedule_time_zone, now() FROM projects p WHERE {projectScope}
            ON CONFLICT (project_id) DO UPDATE SET time_zone = excluded.time_zone, rebuilt_at = excluded.rebuilt_at
            """,
        ];
    }
}
