using Npgsql;

namespace PhoneCrm.Data.Imports;

/// <summary>
/// Finds imports whose process died: a running import holds its batch's advisory lock on its connection,
/// so a 'running' batch whose lock can be taken has nobody behind it. Its transaction was rolled back by
/// PostgreSQL when the connection dropped, so no rows of it exist; only the status needs setting.
/// </summary>
public sealed class ImportRecovery(NpgsqlDataSource dataSource)
{
    public async Task<int> MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var running = new List<long>();
        await using (var command = new NpgsqlCommand("SELECT id FROM import_batches WHERE status = 'running'", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                running.Add(reader.GetInt64(0));
        }

        var interrupted = 0;
        foreach (var batchId in running)
        {
            await using var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({ImportLocks.BatchClass}, {batchId})", connection);
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
                continue;
            await using var mark = new NpgsqlCommand($"""
                UPDATE import_batches SET status = 'interrupted', finished_at = now(),
                    error = 'The app stopped while this import was running; nothing from it was kept.',
                    error_code = 'StoppedWhileRunning', error_args = NULL
                WHERE id = {batchId} AND status = 'running';
                SELECT pg_advisory_unlock({ImportLocks.BatchClass}, {batchId});
                """, connection);
            await mark.ExecuteNonQueryAsync(cancellationToken);
            interrupted++;
        }

        // A queued batch waits in one instance's memory; if it is still queued an hour later, that instance is gone.
        await using var stale = new NpgsqlCommand("""
            UPDATE import_batches SET status = 'interrupted', finished_at = now(),
                error = 'The app stopped before this import started.', error_code = 'StoppedBeforeStart', error_args = NULL
            WHERE status = 'queued' AND created_at < now() - interval '1 hour'
            """, connection);
        return interrupted + await stale.ExecuteNonQueryAsync(cancellationToken);
    }
}
