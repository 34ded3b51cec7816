using Npgsql;
using PhoneCrm.Core.Numbers;
using NpgsqlTypes;

namespace PhoneCrm.Data.Imports;

/// <summary>
/// Sends one chunk of checked rows by binary COPY: the rows to import straight into numbers (through the
/// parent table, so the counters' statement trigger sees them), and every other row into the reject report.
/// No staging table: the rows were checked before, on the client and by <see cref="ImportSql.ExistingInProject"/>.
/// </summary>
internal static class ChunkWriter
{
    // COPY column order must match these lists.
    private const string CopyNumbers =
        "COPY numbers (project_id, phone, supplier_id, geo_id, import_batch_id, extra, country, number_type, operator, time_zones) FROM STDIN (FORMAT BINARY)";

    private const string CopyRejects =
        "COPY import_rejects (batch_id, row_number, raw_value, reason) FROM STDIN (FORMAT BINARY)";

    /// <param name="skipped">Phones found already present, with the reason to report for each.</param>
    /// <returns>The rows imported.</returns>
    public static async Task<long> WriteNumbersAsync(NpgsqlConnection connection, ImportJob job, List<CheckedRow> chunk,
        Dictionary<string, string> skipped, ReferenceIds ids, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(CopyNumbers, cancellationToken);
        foreach (var row in chunk)
        {
            if (row.Reason is not null || skipped.ContainsKey(row.Phone!))
                continue;
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(job.ProjectId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(row.Phone!, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(copy, ids.SupplierId(row), cancellationToken);
            await WriteAsync(copy, ids.GeoId(row), cancellationToken);
            await copy.WriteAsync(job.BatchId, NpgsqlDbType.Bigint, cancellationToken);
            if (row.Extra is null)
                await copy.WriteNullAsync(cancellationToken);
            else
                await copy.WriteAsync(row.Extra, NpgsqlDbType.Jsonb, cancellationToken);
            await WriteAsync(copy, row.Country, cancellationToken);
            await WriteAsync(copy, row.NumberType, cancellationToken);
            // Found here rather than by the reader: this thread mostly waits for PostgreSQL, the reader's is the
            // import's bottleneck; and rows already in the project never get this far.
            var facts = PhoneFactsCache.For(row.Phone!, row.NumberType!);
            await WriteAsync(copy, facts.Operator, cancellationToken);
            if (facts.TimeZones is { } zones)
                await copy.WriteAsync(zones, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            else
                await copy.WriteNullAsync(cancellationToken);
        }
        return (long)await copy.CompleteAsync(cancellationToken);
    }

    public static async Task WriteRejectsAsync(NpgsqlConnection connection, ImportJob job, List<CheckedRow> chunk,
        Dictionary<string, string> skipped, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(CopyRejects, cancellationToken);
        foreach (var row in chunk)
        {
            var reason = row.Reason ?? skipped.GetValueOrDefault(row.Phone!);
            if (reason is null)
                continue;
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(job.BatchId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(row.RowNumber, NpgsqlDbType.Bigint, cancellationToken);
            if (row.RawPhone is null)
                await copy.WriteNullAsync(cancellationToken);
            else
                await copy.WriteAsync(row.RawPhone, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(reason, NpgsqlDbType.Text, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, string? text, CancellationToken cancellationToken) =>
        text is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);

    private static Task WriteAsync(NpgsqlBinaryImporter copy, long? id, CancellationToken cancellationToken) =>
        id is { } value ? copy.WriteAsync(value, NpgsqlDbType.Bigint, cancellationToken) : copy.WriteNullAsync(cancellationToken);
}
