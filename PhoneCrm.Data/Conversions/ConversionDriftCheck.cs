using System.Data;
using Npgsql;
using PhoneCrm.Core.Conversions;

namespace PhoneCrm.Data.Conversions;

/// <summary>
/// Compares a project's rollup with the exact aggregate of its numbers, both read in one REPEATABLE READ
/// snapshot so that writes going on meanwhile cannot show as drift. Changes still queued count as part of
/// the rollup: they are what the next run adds. A project the rollup holds in an old time zone (or not at
/// all) shows drift until the next run rebuilds it.
/// </summary>
public sealed class ConversionDriftCheck(NpgsqlDataSource dataSource)
{
    /// <summary>The exact aggregate, stated independently of the rollup: per number, its creation day in the project's zone.</summary>
    private const string ExactSql = """
        SELECT (n.created_at AT TIME ZONE p.schedule_time_zone)::date, coalesce(n.supplier_id, 0), coalesce(n.geo_id, 0),
               count(*), count(*) FILTER (WHERE n.attempts > 0), count(*) FILTER (WHERE n.status IN (3, 4, 5, 6)),
               count(*) FILTER (WHERE n.status = 5), count(*) FILTER (WHERE n.status = 6),
               sum(n.attempts), sum(n.talk_seconds)
        FROM numbers n JOIN projects p ON p.id = n.project_id
        WHERE n.project_id = $1
        GROUP BY 1, 2, 3
        """;

    private const string RollupSql = """
        SELECT day, supplier_id, geo_id, sum(loaded), sum(processed), sum(reached), sum(converted), sum(rejected),
               sum(attempts), sum(talk_seconds)
        FROM (SELECT day, supplier_id, geo_id, loaded, processed, reached, converted, rejected, attempts, talk_seconds
              FROM conversion_daily WHERE project_id = $1
              UNION ALL
              SELECT (c.created_slot AT TIME ZONE cp.time_zone)::date, c.supplier_id, c.geo_id, c.loaded, c.processed,
                     c.reached, c.converted, c.rejected, c.attempts, c.talk_seconds
              FROM conversion_changes c JOIN conversion_projects cp ON cp.project_id = c.project_id
              WHERE c.project_id = $1) r
        GROUP BY 1, 2, 3
        """;

    public async Task<IReadOnlyList<ConversionDrift>> CheckAsync(long projectId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var exact = await ReadAsync(connection, ExactSql, projectId, cancellationToken);
        var rollup = await ReadAsync(connection, RollupSql, projectId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return exact.Keys.Union(rollup.Keys)
            .Select(key => new ConversionDrift(key, exact.GetValueOrDefault(key, ConversionFigures.Zero),
                                               rollup.GetValueOrDefault(key, ConversionFigures.Zero)))
            .Where(d => d.Exact != d.Rollup)
            .OrderBy(d => d.Key.Day).ThenBy(d => d.Key.SupplierId).ThenBy(d => d.Key.GeoId)
            .ToList();
    }

    /// <summary>The exact aggregate of a project, per group: what the rollup must equal.</summary>
    public async Task<IReadOnlyDictionary<ConversionKey, ConversionFigures>> ExactAsync(long projectId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, ExactSql, projectId, cancellationToken);
    }

    private static async Task<Dictionary<ConversionKey, ConversionFigures>> ReadAsync(
        NpgsqlConnection connection, string sql, long projectId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue(projectId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var groups = new Dictionary<ConversionKey, ConversionFigures>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new ConversionKey(reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1), reader.GetInt64(2));
            var figures = ConversionFigureReader.Read(reader, 3);
            // A group the rollup holds at zero (a revert not yet cleaned up) is no group at all.
            if (figures != ConversionFigures.Zero)
                groups[key] = figures;
        }
        return groups;
    }
}
