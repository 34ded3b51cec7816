using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Imports;

namespace PhoneCrm.Data.Imports;

/// <summary>
/// Writes one batch's progress to import_batches on connections of its own (the import's transaction is
/// invisible until it commits) at most twice a second, and turns a cancel request from the UI, which may
/// come from any instance, into cancellation of the running import.
/// </summary>
public sealed class ImportBatchProgress(NpgsqlDataSource dataSource, long batchId, CancellationTokenSource cancellation)
{
    private static readonly TimeSpan _interval = TimeSpan.FromMilliseconds(500);
    private readonly Stopwatch _sinceLastWrite = Stopwatch.StartNew();

    public async Task MarkRunningAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE import_batches SET status = 'running', started_at = now() WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = batchId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Called from the COPY loop with the rows read so far.</summary>
    public void Report(long rowsRead)
    {
        if (_sinceLastWrite.Elapsed < _interval)
            return;
        _sinceLastWrite.Restart();
        using var command = dataSource.CreateCommand(
            "UPDATE import_batches SET rows_read = $2 WHERE id = $1 RETURNING cancel_requested");
        command.Parameters.Add(new NpgsqlParameter { Value = batchId });
        command.Parameters.Add(new NpgsqlParameter { Value = rowsRead });
        if (command.ExecuteScalar() is true)
            cancellation.Cancel();
    }

    /// <summary>Records the outcome inside the import's own transaction, so it commits with the numbers.</summary>
    public static async Task CompleteAsync(NpgsqlConnection connection, ImportJob job, ImportOutcome outcome, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE import_batches SET status = 'completed', finished_at = now(), rows_read = @rows, accepted = @accepted,
                rejected = @rejected, duplicates_in_file = @in_file, duplicates_in_project = @in_project,
                duplicates_elsewhere = @elsewhere, id_after = @id_after, id_upto = @id_upto
            WHERE id = @batch;
            INSERT INTO audit_log (actor, user_id, ip_address, user_agent, action, entity_type, entity_id, new_values)
            VALUES (@actor, @user_id, @ip, @agent, @action, @entity, @project, @values::jsonb);
            """, connection);
        var parameters = new Dictionary<string, object?>
        {
            ["batch"] = job.BatchId, ["rows"] = outcome.RowsRead, ["accepted"] = outcome.Accepted,
            ["rejected"] = outcome.Rejected, ["in_file"] = outcome.DuplicatesInFile,
            ["in_project"] = outcome.DuplicatesInProject, ["elsewhere"] = outcome.DuplicatesElsewhere,
            ["id_after"] = outcome.IdAfter, ["id_upto"] = outcome.IdUpto,
            ["actor"] = job.Actor.Name, ["user_id"] = job.Actor.UserId, ["ip"] = job.Actor.IpAddress,
            ["agent"] = job.Actor.UserAgent, ["action"] = AuditActions.Import, ["entity"] = AuditEntities.Project,
            ["project"] = job.ProjectId.ToString(),
            ["values"] = JsonSerializer.Serialize(new { batch_id = job.BatchId, file = Path.GetFileName(job.FilePath), outcome }),
        };
        foreach (var (name, value) in parameters)
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks an import that did not commit; its numbers were rolled back with the transaction. A message from a
    /// resource is stored as its key and arguments too, to be shown in each reader's language.</summary>
    public static async Task FailAsync(NpgsqlDataSource dataSource, long batchId, string status, string? error,
        Core.Common.LocalizedMessage? localized = null)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE import_batches SET status = $2, error = $3, error_code = $4, error_args = $5, finished_at = now() WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = batchId });
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)error ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)localized?.Key ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = localized is null ? DBNull.Value : JsonSerializer.Serialize(localized.Arguments),
            NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb,
        });
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
