using Npgsql;
using NpgsqlTypes;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.SoftPhone;
using PhoneCrm.Data.Common;

namespace PhoneCrm.Data.SoftPhone;

/// <summary>
/// Stores SoftPhone call events and announces them for toasts (<see cref="AcceptAsync"/>), then applies them to
/// numbers (<see cref="LinkPendingAsync"/>); see <see cref="CallEventSql"/> for the rules.
/// </summary>
public sealed class CallEventStore(NpgsqlDataSource dataSource)
{
    public const string NotificationChannel = "call_events";
    public const string JobName = "softphone";

    /// <summary>Stores the events in one statement; for each one, in the order given, whether it was new.</summary>
    public async Task<bool[]> AcceptAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AcceptOnceAsync(events, cancellationToken);
            }
            catch (PostgresException e) when (IsMissingPartition(e) && attempt == 1)
            {
                // The housekeeping job makes months ahead; this only happens if it has not run for that long.
                await using var ensure = dataSource.CreateCommand("SELECT ensure_call_event_partitions(now(), 2)");
                await ensure.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    public static CallIngestResult Summarize(ReadOnlySpan<bool> stored)
    {
        var count = stored.Count(true);
        return new CallIngestResult(stored.Length, count, stored.Length - count);
    }

    /// <summary>
    /// Links up to <paramref name="maxEvents"/> of the oldest events waiting, in one transaction; events another
    /// instance is linking at the moment are left to it, and so are the ids in <paramref name="skip"/>. Returns what
    /// was done (no events: nothing was waiting).
    /// </summary>
    /// <exception cref="CallEventLinkException">A single event (<paramref name="maxEvents"/> 1) that its own data
    /// keeps from being linked.</exception>
    public async Task<CallLinkResult> LinkPendingAsync(int maxEvents, IReadOnlyCollection<long> skip, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await LinkOnceAsync(maxEvents, skip, cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                // Numbers are locked in one order, but a group of events and a person's bulk change can still cross.
            }
        }
    }

    /// <summary>Whether more than <paramref name="limit"/> events wait to be linked (reads at most that many and one).</summary>
    public async Task<bool> WaitingMoreThanAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CallEventSql.WaitingMoreThan);
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Links every event waiting, group after group, at once: for tests and tools that need it done now.</summary>
    public async Task<CallLinkResult> LinkAllPendingAsync(int maxEventsPerGroup, CancellationToken cancellationToken)
    {
        var total = new CallLinkResult(0, 0, 0);
        while (await LinkPendingAsync(maxEventsPerGroup, [], cancellationToken) is { Events: > 0 } group)
            total += group;
        return total;
    }

    private async Task<bool[]> AcceptOnceAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CallEventSql.Accept);
        var p = command.Parameters;
        p.Add(Array(events, e => e.EventId, NpgsqlDbType.Text));
        p.Add(Array(events, e => (short)e.Type, NpgsqlDbType.Smallint));
        p.Add(Array(events, e => (short)e.Direction, NpgsqlDbType.Smallint));
        p.Add(Array(events, e => e.RawPhone, NpgsqlDbType.Text));
        p.Add(Array(events, e => e.Phone, NpgsqlDbType.Text));
        p.Add(Array(events, e => e.Operator, NpgsqlDbType.Text));
        p.Add(Array(events, e => e.ProjectId, NpgsqlDbType.Bigint));
        p.Add(Array(events, e => e.StartedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz)); // Npgsql writes UTC offsets only
        p.Add(Array(events, e => e.DurationSeconds, NpgsqlDbType.Integer));
        p.Add(Array(events, e => e.Result, NpgsqlDbType.Text));
        p.Add(Array(events, e => e.RecordingUrl, NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter { Value = NotificationChannel, NpgsqlDbType = NpgsqlDbType.Text });

        var stored = new bool[events.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            stored[reader.GetInt32(0) - 1] = reader.GetBoolean(1);
        return stored;
    }

    private async Task<CallLinkResult> LinkOnceAsync(int maxEvents, IReadOnlyCollection<long> skip, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (receivedAt, ids, phones) = await LockPendingAsync(connection, transaction, maxEvents, skip, cancellationToken);
        if (ids.Count == 0)
            return new CallLinkResult(0, 0, 0);
        try
        {
            return await LinkLockedAsync(connection, transaction, receivedAt, ids, phones, cancellationToken);
        }
        catch (PostgresException e) when (ids.Count == 1 && IsCausedByData(e))
        {
            throw new CallEventLinkException(ids[0], e);
        }
    }

    private static async Task<CallLinkResult> LinkLockedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<DateTime> receivedAt, List<long> ids, List<string?> phones, CancellationToken cancellationToken)
    {
        var projects = await CandidateProjectsAsync(connection, transaction, phones, cancellationToken);
        await PrunedPlans.PlanForAsync(connection, transaction, projects.Length, cancellationToken);
        await using var command = new NpgsqlCommand(CallEventSql.Link, connection, transaction);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter { Value = receivedAt, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        p.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        p.Add(new NpgsqlParameter { Value = projects, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        p.Add(new NpgsqlParameter { Value = AuditActor.System(JobName).Name, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = AuditActions.CallEvent, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = AuditEntities.Number, NpgsqlDbType = NpgsqlDbType.Text });
        CallLinkResult result;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            result = new CallLinkResult(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<(List<DateTime> ReceivedAt, List<long> Ids, List<string?> Phones)> LockPendingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int maxEvents, IReadOnlyCollection<long> skip,
        CancellationToken cancellationToken)
    {
        var (receivedAt, ids, phones) = (new List<DateTime>(), new List<long>(), new List<string?>());
        await using var command = new NpgsqlCommand(CallEventSql.Pending, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = maxEvents, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = skip.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            receivedAt.Add(reader.GetDateTime(0));
            ids.Add(reader.GetInt64(1));
            phones.Add(reader.IsDBNull(2) ? null : reader.GetString(2));
        }
        return (receivedAt, ids, phones);
    }

    private static async Task<long[]> CandidateProjectsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<string?> phones, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CallEventSql.CandidateProjects, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = phones, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return (long[])(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static NpgsqlParameter Array<T>(IReadOnlyList<CallEvent> events, Func<CallEvent, T> select, NpgsqlDbType type)
    {
        var values = new T[events.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = select(events[i]);
        return new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type };
    }

    // Data exceptions (22: a number's attempts past the integer range, say) and integrity violations (23) come from
    // the rows at hand and recur on every try; anything else (a lost connection, a restart) passes.
    private static bool IsCausedByData(PostgresException e) =>
        e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState.StartsWith("23", StringComparison.Ordinal);

    private static bool IsMissingPartition(PostgresException e) =>
        e.SqlState == PostgresErrorCodes.CheckViolation && e.MessageText.Contains("no partition", StringComparison.Ordinal);
}
