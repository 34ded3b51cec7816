using System.Data;
using System.Diagnostics;
using Npgsql;

namespace PhoneCrm.Data.Conversions;

/// <summary>
/// Keeps conversion_daily equal to the exact aggregate of numbers: a run adds the queued changes (and first
/// rebuilds projects the rollup does not hold yet, or holds in an old time zone); a rebuild recomputes from
/// scratch for repairs. Both are safe to repeat, and a session advisory lock keeps them from overlapping
/// across instances (Quartz clustering already fires the job on one instance; the lock also covers a
/// rebuild started by hand while the job runs).
/// </summary>
public sealed class ConversionRollup(NpgsqlDataSource dataSource)
{
    /// <summary>The job's run; returns Skipped at once when a run or rebuild is in progress elsewhere.</summary>
    public async Task<ConversionRollupRun> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await ScalarAsync<bool>(connection, $"SELECT pg_try_advisory_lock({ConversionSql.LockKey})", cancellationToken))
            return new ConversionRollupRun(true, 0, 0, clock.Elapsed);
        try
        {
            await ExecuteAsync(connection, ConversionSql.RemoveGoneProjects, cancellationToken);
            var stale = await StaleProjectsAsync(connection, cancellationToken);
            foreach (var projectId in stale)
                await RebuildLockedAsync(connection, projectId, cancellationToken);

            long folded;
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                folded = await ScalarAsync<long>(connection, ConversionSql.Fold, cancellationToken);
                await ExecuteAsync(connection, ConversionSql.RemoveEmptyGroups, cancellationToken);
                await RecordRunAsync(connection, folded, clock.Elapsed, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            return new ConversionRollupRun(false, stale.Count, folded, clock.Elapsed);
        }
        finally
        {
            await UnlockAsync(connection);
        }
    }

    /// <summary>Recomputes one project, or every project when <paramref name="projectId"/> is null; waits for a run in progress.</summary>
    public async Task<TimeSpan> RebuildAsync(long? projectId, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({ConversionSql.LockKey})", connection) { CommandTimeout = 0 })
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, ConversionSql.RemoveGoneProjects, cancellationToken);
            await RebuildLockedAsync(connection, projectId, cancellationToken);
            await RecordRunAsync(connection, 0, clock.Elapsed, cancellationToken);
        }
        finally
        {
            await UnlockAsync(connection);
        }
        return clock.Elapsed;
    }

    // The lock is taken before the snapshot begins, so the snapshot sees every earlier run's result.
    private static async Task RebuildLockedAsync(NpgsqlConnection connection, long? projectId, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        // The planner expects as many groups as numbers and sorts them all; with the default 4 MB that sort spills
        // about 1 GB at 20M numbers (40 s). In memory it hashes about 250k real groups instead (22 s). The advisory
        // lock keeps this to one rebuild at a time, so the memory is spent once.
        await using (var memory = new NpgsqlCommand("SET LOCAL work_mem = '256MB'", connection, transaction))
            await memory.ExecuteNonQueryAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction) { Timeout = 0 };
        foreach (var sql in ConversionSql.Rebuild(projectId is null))
        {
            var command = new NpgsqlBatchCommand(sql);
            if (projectId is { } id)
                command.Parameters.AddWithValue(id);
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<List<long>> StaleProjectsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ConversionSql.StaleProjects, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    private static async Task RecordRunAsync(NpgsqlConnection connection, long changes, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ConversionSql.RecordRun, connection);
        command.Parameters.AddWithValue(changes);
        command.Parameters.AddWithValue((int)Math.Min(int.MaxValue, elapsed.TotalMilliseconds));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Not cancellable: a lock left behind would block every later run until the pooled connection is reset.
    // A broken connection has lost its session, and the lock with it.
    private static async Task UnlockAsync(NpgsqlConnection connection)
    {
        if (connection.State != ConnectionState.Open)
            return;
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({ConversionSql.LockKey})", connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
