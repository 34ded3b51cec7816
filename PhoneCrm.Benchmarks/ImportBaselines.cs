namespace PhoneCrm.Benchmarks;

/// <summary>
/// What the CSV import is measured against, on the same file: the floor (psql \copy into a table with no index,
/// which no import can beat) and the plain way (\copy into a staging table, then one INSERT ... ON CONFLICT DO
/// NOTHING into the same kind of indexed partition, normalising with a regular expression), each timed as a
/// whole psql run. The plain way runs inside a transaction that is rolled back, on a copy of the large project.
/// </summary>
public sealed class ImportBaselines(BenchDatabase database, string connectionString)
{
    private const string CopyOptions = "(FORMAT csv, DELIMITER ';', HEADER true)";

    public async Task<double> CopyFloorSecondsAsync(string csvPath)
    {
        await database.ExecuteAsync("DROP TABLE IF EXISTS bench_copy_floor; CREATE TABLE bench_copy_floor (phone text, name text, supplier text)");
        var seconds = await Psql.RunScriptAsync(connectionString, $"\\copy bench_copy_floor FROM {Psql.Literal(csvPath)} {CopyOptions}\n");
        await database.ExecuteAsync("DROP TABLE bench_copy_floor");
        return seconds;
    }

    public Task<double> PlainWaySecondsAsync(string csvPath, long projectId) => Psql.RunScriptAsync(connectionString, $$"""
        BEGIN;
        CREATE TEMP TABLE plain_staging (phone text, name text, supplier text) ON COMMIT DROP;
        \copy plain_staging FROM {{Psql.Literal(csvPath)}} {{CopyOptions}}
        INSERT INTO numbers_p{{projectId}} (project_id, phone, supplier_id, extra)
        SELECT {{projectId}}, p.e164, sp.id, jsonb_build_object('name', s.name)
        FROM plain_staging s
        CROSS JOIN LATERAL (SELECT regexp_replace(s.phone, '\D', '', 'g') AS digits) d
        CROSS JOIN LATERAL (SELECT CASE WHEN d.digits ~ '^[78]9\d{9}$' THEN '+7' || substr(d.digits, 2) END AS e164) p
        LEFT JOIN suppliers sp ON lower(sp.name) = lower(s.supplier)
        WHERE p.e164 IS NOT NULL
        ON CONFLICT (phone) DO NOTHING;
        ROLLBACK;

        """);

    /// <summary>A second large project with the same numbers, for the plain way and the permanent delete.</summary>
    public async Task<long> CopyProjectAsync(long sourceId, string name)
    {
        var id = (await database.CreateProjectsAsync([name]))[0];
        // A benchmark artefact, not a real project: autovacuum on it (5M fresh rows, then the plain way's rolled-back
        // million) would compete with the imports for the two cores and hold locks the permanent delete waits for.
        await database.ExecuteAsync($"ALTER TABLE numbers_p{id} SET (autovacuum_enabled = false)");
        await database.ExecuteAsync($"""
            INSERT INTO numbers (project_id, phone, supplier_id, geo_id, status, attempts, last_call_at, created_at, extra)
            SELECT {id}, phone, supplier_id, geo_id, status, attempts, last_call_at, created_at, extra
            FROM numbers WHERE project_id = {sourceId} ORDER BY id
            """);
        await database.ExecuteAsync($"VACUUM (ANALYZE) numbers_p{id}");
        return id;
    }
}
