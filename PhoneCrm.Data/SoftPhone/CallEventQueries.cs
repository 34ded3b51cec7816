using Npgsql;
using NpgsqlTypes;
using PhoneCrm.Core.SoftPhone;
using PhoneCrm.Data.Common;

namespace PhoneCrm.Data.SoftPhone;

/// <summary>Reads of stored call events: a number's timeline, unmatched events by keyset, and toasts.</summary>
public sealed class CallEventQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        e.id, e.received_at, e.event_id, e.type, e.direction, e.raw_phone, e.phone, e.operator, e.project_id,
        e.started_at, e.duration_seconds, e.result, e.recording_url
        """;

    /// <summary>The calls linked to one number, newest first.</summary>
    public async Task<IReadOnlyList<CallRow>> TimelineAsync(long projectId, long numberId, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM call_links l
            JOIN call_events e ON e.received_at = l.received_at AND e.id = l.call_event_id
            WHERE l.project_id = $1 AND l.number_id = $2
            ORDER BY l.started_at DESC, e.id DESC
            LIMIT $3
            """);
        command.Parameters.Add(new() { Value = projectId, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = numberId, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        return await ReadCallsAsync(command, cancellationToken);
    }

    /// <summary>Events that matched no number, newest first, a page after the cursor (keyset on received_at, id).</summary>
    public async Task<IReadOnlyList<CallRow>> UnmatchedAsync(CallCursor? after, int size, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM call_events e
            WHERE e.linked_numbers = 0 AND ($1::timestamptz IS NULL OR (e.received_at, e.id) < ($1, $2))
            ORDER BY e.received_at DESC, e.id DESC
            LIMIT $3
            """);
        command.Parameters.Add(new() { Value = (object?)after?.ReceivedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = after?.Id ?? 0L, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = size, NpgsqlDbType = NpgsqlDbType.Integer });
        return await ReadCallsAsync(command, cancellationToken);
    }

    /// <summary>
    /// How many stored events wait to be linked to numbers (counted up to <paramref name="countUpTo"/>, through the
    /// partial index that holds only them) and when the oldest of them was received.
    /// </summary>
    public async Task<CallLinkBacklog> LinkBacklogAsync(int countUpTo, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(*), min(received_at)
            FROM (SELECT received_at FROM call_events WHERE linked_numbers IS NULL ORDER BY received_at LIMIT $1) waiting
            """);
        command.Parameters.Add(new() { Value = countUpTo, NpgsqlDbType = NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CallLinkBacklog(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>The toasts a notification names: its (event, project, number) triples, received at one moment.</summary>
    public async Task<IReadOnlyList<CallToast>> ToastsAsync(DateTimeOffset receivedAt, long[] callEventIds, long[] projectIds,
        long[] numberIds, CancellationToken cancellationToken)
    {
        var projects = projectIds.Distinct().ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await PrunedPlans.BeginAsync(connection, projects.Length, cancellationToken);
        await using var command = new NpgsqlCommand(CallEventSql.ToastRows, connection, transaction);
        command.Parameters.Add(new() { Value = receivedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = callEventIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = projectIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = numberIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = projects, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        return await ReadToastsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<CallToast>> ToastsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CallEventSql.ToastRowsSince);
        command.Parameters.Add(new() { Value = since, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await ReadToastsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<CallRow>> ReadCallsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<CallRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new CallRow(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2),
                (CallEventType)reader.GetInt16(3), (CallDirection)reader.GetInt16(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetInt64(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetInt32(10),
                reader.IsDBNull(11) ? null : reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetString(12)));
        return rows;
    }

    private static async Task<IReadOnlyList<CallToast>> ReadToastsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<CallToast>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new CallToast(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), (CallEventType)reader.GetInt16(2),
                reader.GetString(3), reader.GetInt64(4), reader.GetString(5), reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        return rows;
    }
}
