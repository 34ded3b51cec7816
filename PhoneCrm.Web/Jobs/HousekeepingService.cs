using Npgsql;
using PhoneCrm.Core.Audit;
using PhoneCrm.Data.Imports;

namespace PhoneCrm.Web.Jobs;

/// <summary>
/// Repairs what must always hold for partitions (every project has its numbers partition, call events have
/// partitions for the months ahead), marks imports whose process died, removes the phone_directory rows of
/// permanently deleted projects (their partitions were dropped without touching it), and prunes the job's own run
/// history. Idempotent: the run is keyed by Quartz's fire instance id, so a re-fire of the
/// same firing records nothing twice.
/// </summary>
public sealed class HousekeepingService(
    NpgsqlDataSource dataSource,
    ImportRecovery imports,
    IConfiguration configuration,
    ILogger<HousekeepingService> logger)
{
    public const string JobName = "housekeeping";

    public async Task RunAsync(string instanceId, string fireInstanceId, DateTimeOffset? scheduledFireTime, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var keepDays = configuration.GetValue("Crm:Jobs:HousekeepingRetentionDays", 90);

        // An instance that died without restarting leaves its running import for the others to mark.
        var interrupted = await imports.MarkInterruptedAsync(cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var repaired = await ScalarAsync(connection, """
            WITH missing AS (
                SELECT p.id FROM projects p
                WHERE to_regclass(numbers_partition_name(p.id)) IS NULL)
            SELECT count(*) FROM missing, LATERAL create_numbers_partition(missing.id)
            """, cancellationToken);
        // Call events go into monthly partitions; making them ahead means no insert ever waits for one.
        var callEventPartitions = await ScalarAsync(connection,
            $"SELECT ensure_call_event_partitions(now(), {1 + configuration.GetValue("Crm:Jobs:CallEventMonthsAhead", 2)})",
            cancellationToken);
        // A permanent delete drops the project's partition at once and leaves its directory rows for here.
        var orphanPhones = await ScalarAsync(connection, """
            WITH gone AS (
                DELETE FROM phone_directory d WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = d.project_id)
                RETURNING 1)
            SELECT count(*) FROM gone
            """, cancellationToken);
        var pruned = await ScalarAsync(connection,
            $"WITH gone AS (DELETE FROM housekeeping_runs WHERE started_at < now() - interval '{keepDays} days' RETURNING 1) SELECT count(*) FROM gone",
            cancellationToken);
        bool recorded;
        await using (var record = new NpgsqlCommand("""
            INSERT INTO housekeeping_runs
                (started_at, finished_at, instance_id, fire_instance_id, scheduled_fire_time, repaired_partitions, pruned_runs)
            VALUES ($1, now(), $2, $3, $4, $5, $6)
            ON CONFLICT (fire_instance_id) DO NOTHING
            """, connection, transaction))
        {
            record.Parameters.Add(new() { Value = startedAt });
            record.Parameters.Add(new() { Value = instanceId });
            record.Parameters.Add(new() { Value = fireInstanceId });
            record.Parameters.Add(new() { Value = (object?)scheduledFireTime ?? DBNull.Value });
            record.Parameters.Add(new() { Value = (int)repaired });
            record.Parameters.Add(new() { Value = (int)pruned });
            recorded = await record.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        // Audited in the run's own transaction: a run recorded is a run audited, whoever reads in between.
        if (recorded)
        {
            await using var audit = new NpgsqlCommand("""
                INSERT INTO audit_log (actor, action, entity_type, entity_id, new_values) VALUES ($1, $2, $3, $4, $5::jsonb)
                """, connection, transaction);
            audit.Parameters.Add(new() { Value = AuditActor.System(JobName).Name });
            audit.Parameters.Add(new() { Value = AuditActions.JobRun });
            audit.Parameters.Add(new() { Value = AuditEntities.Job });
            audit.Parameters.Add(new() { Value = JobName });
            audit.Parameters.Add(new() { Value = System.Text.Json.JsonSerializer.Serialize(new
            {
                instanceId, fireInstanceId, repairedPartitions = repaired, callEventPartitions, orphanPhones, prunedRuns = pruned,
                interruptedImports = interrupted,
            }) });
            await audit.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Housekeeping {FireInstanceId} on {InstanceId}: {Repaired} partitions repaired, {Pruned} old runs pruned",
            fireInstanceId, instanceId, repaired, pruned);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }
}
