using System.Diagnostics;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// Seeds the synthetic base with one INSERT ... SELECT generate_series per project, through the parent table
/// so the counters' triggers run as they do in the app, projects in parallel (one per core), then VACUUM
/// ANALYZE so the planner has statistics and autovacuum does not wake up in the middle of a measurement.
/// </summary>
public sealed class Seeder(BenchDatabase database, BenchOptions options)
{
    public const int Suppliers = 10;

    public sealed record Result(List<long> ProjectIds, long[] Sizes, long[] Offsets, double InsertSeconds, double VacuumSeconds);

    public async Task<Result> SeedAsync(CancellationToken cancellationToken)
    {
        await database.ExecuteAsync($"""
            INSERT INTO suppliers (name) SELECT 'Supplier ' || lpad(g::text, 2, '0') FROM generate_series(1, {Suppliers}) g;
            INSERT INTO geos (code, name, time_zone) VALUES ('RU', 'Russia', 'Europe/Moscow'), ('KZ', 'Kazakhstan', 'Asia/Almaty');
            """, cancellationToken);
        var sizes = ProjectSizes.For(options);
        var names = sizes.Select((_, i) => i switch { 0 => "Large project", 1 => "Export project", _ => $"Project {i + 1:D3}" }).ToList();
        var ids = await database.CreateProjectsAsync(names, cancellationToken);
        var offsets = sizes.Select((_, i) => PhoneSpace.Offset(i)).ToArray();

        var started = Stopwatch.GetTimestamp();
        var order = Enumerable.Range(0, sizes.Length).OrderByDescending(i => sizes[i]);
        await Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, ct) => await database.ExecuteAsync(InsertSql(ids[i], sizes[i], offsets[i]), ct));
        var insertSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        started = Stopwatch.GetTimestamp();
        await database.ExecuteAsync("VACUUM (ANALYZE) numbers", cancellationToken);
        await database.ExecuteAsync("ANALYZE", cancellationToken);
        return new Result(ids, sizes, offsets, insertSeconds, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Rows shaped like a worked base: most numbers new, the rest called with attempts and a last call; ten
    /// suppliers; mostly RU; half with a name in extra. Ids and created_at grow together, as in the app.
    /// </summary>
    private static string InsertSql(long projectId, long size, long offset) => $"""
        INSERT INTO numbers (project_id, phone, supplier_id, geo_id, status, attempts, last_call_at, created_at, extra)
        SELECT {projectId}, {PhoneSpace.Sql("g", offset)},
               (SELECT min(id) FROM suppliers) + g % {Suppliers},
               CASE WHEN g % 20 = 0 THEN (SELECT id FROM geos WHERE code = 'KZ') ELSE (SELECT id FROM geos WHERE code = 'RU') END,
               s.status,
               CASE WHEN s.status = 0 THEN 0 ELSE 1 + g % 5 END,
               CASE WHEN s.status = 0 THEN NULL ELSE now() - (g % 90000) * interval '1 minute' END,
               now() - ({size} - g) * interval '1 second',
               CASE WHEN g % 2 = 0 THEN jsonb_build_object('name', 'Клиент ' || g) END
        FROM generate_series(1::bigint, {size}) g
        CROSS JOIN LATERAL (SELECT CASE WHEN b < 60 THEN 0 WHEN b < 70 THEN 1 WHEN b < 85 THEN 2 WHEN b < 90 THEN 3
                                        WHEN b < 95 THEN 4 WHEN b < 98 THEN 5 ELSE 6 END::smallint AS status
                            FROM (SELECT (g * 2654435761) % 100 AS b) h) s
        """;
}
