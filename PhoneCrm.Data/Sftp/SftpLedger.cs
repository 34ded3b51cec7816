using Npgsql;
using NpgsqlTypes;

namespace PhoneCrm.Data.Sftp;

/// <summary>
/// The record of every pull and every file it dealt with. It is what makes each file import exactly once:
/// an imported file's row is written by <see cref="RecordImportedAsync"/> inside the import's transaction, and a
/// unique index allows one imported row per content (SHA-256) and host.
/// </summary>
public sealed class SftpLedger(NpgsqlDataSource dataSource)
{
    /// <summary>Advisory lock class held, per host, for the whole of a pull (next to those in ImportLocks).</summary>
    public const int HostLockClass = 0x1A03;

    /// <summary>Starts a run. The caller holds the host's lock, so any other run of this host still 'running' is dead.</summary>
    public async Task<long> StartRunAsync(long hostId, string trigger, string instanceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH dead AS (
                UPDATE sftp_runs SET status = 'interrupted', finished_at = now(),
                    error = coalesce(error, 'The app stopped while this pull was running.')
                WHERE host_id = $1 AND status = 'running')
            INSERT INTO sftp_runs (host_id, trigger, instance_id, status) VALUES ($1, $2, $3, 'running') RETURNING id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = hostId });
        command.Parameters.Add(new NpgsqlParameter { Value = trigger });
        command.Parameters.Add(new NpgsqlParameter { Value = instanceId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task FinishRunAsync(long runId, SftpRunTotals totals, string status, string? error)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE sftp_runs SET status = $2, files_found = $3, files_imported = $4, files_skipped = $5,
                files_failed = $6, rows_imported = $7, error = $8, finished_at = now()
            WHERE id = $1
            """);
        object[] values = [runId, status, totals.Found, totals.Imported, totals.Skipped, totals.Failed, totals.Rows, (object?)error ?? DBNull.Value];
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        // Not cancellable: a stopping app still records how its run ended.
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>The ledger row of a file dealt with earlier whose move or delete did not happen, if any.</summary>
    public async Task<UnsettledFile?> FindUnsettledAsync(long hostId, SftpFileSeen file, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, status, detail FROM sftp_files
            WHERE host_id = $1 AND remote_path = $2 AND size = $3 AND modified_at = $4 AND settled_at IS NULL
            ORDER BY id DESC LIMIT 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = hostId });
        command.Parameters.Add(new NpgsqlParameter { Value = file.RemotePath });
        command.Parameters.Add(new NpgsqlParameter { Value = file.Size });
        command.Parameters.Add(new NpgsqlParameter { Value = file.ModifiedAt.ToUniversalTime() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new UnsettledFile(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }

    /// <summary>The path and time of the file with this content that was imported from this host, if one was.</summary>
    public async Task<(string RemotePath, DateTimeOffset At)?> FindImportedContentAsync(long hostId, byte[] sha256, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT remote_path, created_at FROM sftp_files WHERE host_id = $1 AND sha256 = $2 AND status = 'imported'");
        command.Parameters.Add(new NpgsqlParameter { Value = hostId });
        command.Parameters.Add(new NpgsqlParameter { Value = sha256 });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)) : null;
    }

    /// <summary>
    /// Writes the imported file's row on the import's own connection and transaction. Returns false, writing
    /// nothing, when the same content was imported from this host meanwhile (then the caller rolls back).
    /// </summary>
    public static async Task<bool> RecordImportedAsync(NpgsqlConnection connection, long hostId, long runId, SftpFileSeen file,
        byte[] sha256, long batchId, long rows, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO sftp_files (host_id, run_id, remote_path, size, modified_at, sha256, status, import_batch_id, rows_imported)
            VALUES ($1, $2, $3, $4, $5, $6, 'imported', $7, $8)
            ON CONFLICT (host_id, sha256) WHERE status = 'imported' DO NOTHING
            """, connection);
        object[] values = [hostId, runId, file.RemotePath, file.Size, file.ModifiedAt.ToUniversalTime(), sha256, batchId, rows];
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Records a file that was not imported (a duplicate or a failure); returns its row id.</summary>
    public async Task<long> RecordAsync(long hostId, long runId, SftpFileSeen file, byte[]? sha256, string status, string? detail,
        long? batchId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO sftp_files (host_id, run_id, remote_path, size, modified_at, sha256, status, import_batch_id, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = hostId });
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
        command.Parameters.Add(new NpgsqlParameter { Value = file.RemotePath });
        command.Parameters.Add(new NpgsqlParameter { Value = file.Size });
        command.Parameters.Add(new NpgsqlParameter { Value = file.ModifiedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = (object?)sha256 ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)batchId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)detail ?? DBNull.Value });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The imported row of this run and path (written inside the import's transaction).</summary>
    public async Task<long> ImportedRowIdAsync(long runId, string remotePath, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id FROM sftp_files WHERE run_id = $1 AND remote_path = $2 AND status = 'imported'");
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
        command.Parameters.Add(new NpgsqlParameter { Value = remotePath });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The remote file was moved away (to <paramref name="settledPath"/>) or deleted (null): nothing is left to do for it.</summary>
    public async Task MarkSettledAsync(long fileId, string? settledPath, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE sftp_files SET settled_at = now(), settled_path = $2 WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = fileId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)settledPath ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task UnlockHostAsync(NpgsqlConnection connection, long hostId)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({HostLockClass}, {hostId})", connection);
        await command.ExecuteScalarAsync(CancellationToken.None);
    }

    /// <summary>Takes the host's pull lock on <paramref name="connection"/> if nobody holds it; held until the connection closes.</summary>
    public static async Task<bool> TryLockHostAsync(NpgsqlConnection connection, long hostId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({HostLockClass}, {hostId})", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
