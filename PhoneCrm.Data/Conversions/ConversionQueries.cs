using Npgsql;
using NpgsqlTypes;

namespace PhoneCrm.Data.Conversions;

/// <summary>
/// Dashboard reads. They read only conversion_daily (a few rows per project and day, found through its primary
/// key), never numbers, so they cost the same at any base size.
/// </summary>
public sealed class ConversionQueries(NpgsqlDataSource dataSource)
{
    private const string Sums = """
        sum(d.loaded), sum(d.processed), sum(d.reached), sum(d.converted), sum(d.rejected), sum(d.attempts), sum(d.talk_seconds)
        """;

    private const string InRange = "d.project_id = ANY($1) AND d.day BETWEEN $2 AND $3";

    public async Task<IReadOnlyList<ConversionGroup>> GroupedAsync(ConversionQuery query, ConversionGrouping grouping,
        CancellationToken cancellationToken)
    {
        var sql = grouping switch
        {
            ConversionGrouping.Day => $"SELECT 0::bigint, d.day, '', {Sums} FROM conversion_daily d WHERE {InRange} GROUP BY d.day ORDER BY d.day",
            ConversionGrouping.Supplier => $"""
                SELECT d.supplier_id, NULL::date, coalesce(s.name, ''), {Sums} FROM conversion_daily d
                LEFT JOIN suppliers s ON s.id = d.supplier_id WHERE {InRange}
                GROUP BY d.supplier_id, s.name ORDER BY sum(d.loaded) DESC, d.supplier_id
                """,
            ConversionGrouping.Geo => $"""
                SELECT d.geo_id, NULL::date, coalesce(g.name, ''), {Sums} FROM conversion_daily d
                LEFT JOIN geos g ON g.id = d.geo_id WHERE {InRange}
                GROUP BY d.geo_id, g.name ORDER BY sum(d.loaded) DESC, d.geo_id
                """,
            _ => $"""
                SELECT d.project_id, NULL::date, p.name, {Sums} FROM conversion_daily d
                JOIN projects p ON p.id = d.project_id WHERE {InRange}
                GROUP BY d.project_id, p.name ORDER BY p.name
                """,
        };
        await using var command = Command(sql, query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ConversionGroup>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new ConversionGroup(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1),
                reader.GetString(2), ConversionFigureReader.Read(reader, 3)));
        return rows;
    }

    /// <summary>Every rollup row in range with project, supplier and geo names, for exports.</summary>
    public async IAsyncEnumerable<ConversionDetailRow> DetailAsync(ConversionQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Command($"""
            SELECT p.name, d.day, coalesce(s.name, ''), coalesce(g.name, ''), {Sums.Replace("sum(", "(")}
            FROM conversion_daily d
            JOIN projects p ON p.id = d.project_id
            LEFT JOIN suppliers s ON s.id = d.supplier_id
            LEFT JOIN geos g ON g.id = d.geo_id
            WHERE {InRange}
            ORDER BY p.name, d.day, s.name NULLS FIRST, g.name NULLS FIRST
            """, query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return new ConversionDetailRow(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2),
                reader.GetString(3), ConversionFigureReader.Read(reader, 4));
    }

    /// <summary>When the rollup job last ran: the figures are current as of then.</summary>
    public async Task<DateTimeOffset?> LastRunAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT last_run_at FROM conversion_rollup_state");
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    private NpgsqlCommand Command(string sql, ConversionQuery query)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = query.ProjectIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = query.From, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = query.To, NpgsqlDbType = NpgsqlDbType.Date });
        return command;
    }
}
