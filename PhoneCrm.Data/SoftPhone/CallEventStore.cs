using Npgsql;
using NpgsqlTypes;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.SoftPhone;
using PhoneCrm.Data.Common;

namespace PhoneCrm.Data.SoftPhone;

/// <summary>Stores SoftPhone call events and applies them to numbers; see <see cref="CallEventSql.Ingest"/> for the rules.</summary>
public sealed class CallEventStore(NpgsqlDataSource dataSource)
{
    public const string NotificationChannel = "call_events";
    public const string JobName = "softphone";

    public async Task<CallIngestResult> IngestAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken) =>
        Summarize(await IngestEachAsync(events, cancellationToken));

    /// <summary>Stores the events in one statement and returns each one's outcome, in the order given.</summary>
    public async Task<CallEventOutcome[]> IngestEachAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await IngestOnceAsync(events, cancellationToken);
            }
            catch (PostgresException e) when (IsMissingPartition(e) && attempt == 1)
            {
                // The housekeeping job makes months ahead; this only happens if it has not run for that long.
                await using var ensure = dataSource.CreateCommand("SELECT ensure_call_event_partitions(now(), 2)");
                await ensure.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                // Rows are locked in one order, but a batch and a person's bulk change can still cross.
            }
        }
    }

    public static CallIngestResult Summarize(ReadOnlySpan<CallEventOutcome> outcomes)
    {
        int stored = 0, linked = 0, unmatched = 0;
        foreach (var outcome in outcomes)
        {
            if (!outcome.Stored)
                continue;
            stored++;
            linked += outcome.Linked;
            if (outcome.Linked == 0)
                unmatched++;
        }
        return new CallIngestResult(outcomes.Length, stored, outcomes.Length - stored, linked, unmatched);
    }

    private async Task<CallEventOutcome[]> IngestOnceAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var projects = await CandidateProjectsAsync(connection, events, cancellationToken);
        await using var transaction = await PrunedPlans.BeginAsync(connection, projects.Length, cancellationToken);
        var outcomes = await RunIngestAsync(connection, transaction, events, projects, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    private static async Task<long[]> CandidateProjectsAsync(NpgsqlConnection connection, IReadOnlyList<CallEvent> events,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CallEventSql.CandidateProjects, connection);
        command.Parameters.Add(Array(events, e => e.Phone, NpgsqlDbType.Text));
        return (long[])(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<CallEventOutcome[]> RunIngestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<CallEvent> events, long[] projects, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CallEventSql.Ingest, connection, transaction);
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
        p.Add(new NpgsqlParameter { Value = AuditActor.System(JobName).Name, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = AuditActions.CallEvent, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = AuditEntities.Number, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = NotificationChannel, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter { Value = projects, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });

        var outcomes = new CallEventOutcome[events.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            outcomes[reader.GetInt32(0) - 1] = new CallEventOutcome(reader.GetBoolean(1), reader.GetInt32(2));
        return outcomes;
    }

    private static NpgsqlParameter Array<T>(IReadOnlyList<CallEvent> events, Func<CallEvent, T> select, NpgsqlDbType type)
    {
        var values = new T[events.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = select(events[i]);
        return new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type };
    }

    private static bool IsMissingPartition(PostgresException e) =>
        e.SqlState == PostgresErrorCodes.CheckViolation && e.MessageText.Contains("no partition", StringComparison.Ordinal);
}
