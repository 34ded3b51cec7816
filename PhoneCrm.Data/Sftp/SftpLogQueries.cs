using Npgsql;

namespace PhoneCrm.Data.Sftp;

/// <summary>The pull log: runs newest first, paged by id, and the files of one run.</summary>
public sealed class SftpLogQueries(NpgsqlDataSource dataSource)
{
    public const int PageSize = 50;

    /// <summary>Runs older than <paramref name="beforeId"/> (all when null), of one host or of all.</summary>
    public async Task<IReadOnlyList<SftpRunRow>> RunsAsync(long? hostId, long? beforeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT r.id, r.host_id, h.name, r.trigger, r.status, r.files_found, r.files_imported, r.files_skipped,
                   r.files_failed, r.rows_imported, r.error, r.started_at, r.finished_at
            FROM sftp_runs r JOIN sftp_hosts h ON h.id = r.host_id
            WHERE ($1::bigint IS NULL OR r.host_id = $1) AND ($2::bigint IS NULL OR r.id < $2)
            ORDER BY r.id DESC LIMIT {PageSize}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)hostId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)beforeId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        return await ReadRunsAsync(command, cancellationToken);
    }

    /// <summary>The latest run of each of the given hosts.</summary>
    public async Task<IReadOnlyList<SftpRunRow>> LastRunsAsync(long[] hostIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT r.id, r.host_id, h.name, r.trigger, r.status, r.files_found, r.files_imported, r.files_skipped,
                   r.files_failed, r.rows_imported, r.error, r.started_at, r.finished_at
            FROM sftp_hosts h
            CROSS JOIN LATERAL (SELECT * FROM sftp_runs r WHERE r.host_id = h.id ORDER BY r.id DESC LIMIT 1) r
            WHERE h.id = ANY($1)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = hostIds });
        return await ReadRunsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<SftpFileRow>> FilesAsync(long runId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, remote_path, size, status, rows_imported, import_batch_id, detail, settled_at IS NOT NULL, settled_path
            FROM sftp_files WHERE run_id = $1 ORDER BY id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<SftpFileRow>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new SftpFileRow(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetBoolean(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        return rows;
    }

    private static async Task<IReadOnlyList<SftpRunRow>> ReadRunsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<SftpRunRow>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new SftpRunRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8),
                reader.GetInt64(9), reader.IsDBNull(10) ? null : reader.GetString(10), reader.GetFieldValue<DateTimeOffset>(11),
                reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12)));
        return rows;
    }
}
