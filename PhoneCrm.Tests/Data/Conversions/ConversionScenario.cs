using Npgsql;
using PhoneCrm.Core.Conversions;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Core.SoftPhone;
using PhoneCrm.Data.Conversions;
using PhoneCrm.Data.SoftPhone;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Data.Conversions;

/// <summary>
/// Random writes through every path that changes numbers (inserts as imports make them, reverts, bulk and single
/// status changes, call events on time and late), for the rollup tests. A seed replays a run.
/// </summary>
internal sealed class ConversionScenario(TestDatabase database, int seed)
{
    private static readonly string[] Results = ["sale", "reached", "no_answer", "busy", "refused", "callback", "odd"];

    private readonly Random _random = new(seed);
    private readonly CallEventStore _calls = new(database.DataSource);
    private readonly List<long> _suppliers = [];
    private readonly List<long> _geos = [];
    private int _phones;

    public async Task SetUpReferenceAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            _suppliers.Add(await ScalarAsync<long>($"INSERT INTO suppliers (name) VALUES ('conv-s{seed}-{i}-{Guid.NewGuid():N}') RETURNING id"));
            _geos.Add(await ScalarAsync<long>($"INSERT INTO geos (code, name, time_zone) VALUES ('G{seed}{i}{Guid.NewGuid():N}', 'Geo {i}', 'UTC') RETURNING id"));
        }
    }

    /// <summary>One random write to the project: the mix leans on inserts and calls, as real use does.</summary>
    public async Task StepAsync(long projectId)
    {
        switch (_random.Next(10))
        {
            case < 3: await InsertAsync(projectId); break;
            case < 6: await CallAsync(projectId, late: false); break;
            case 6: await CallAsync(projectId, late: true); break;
            case 7: await BulkStatusAsync(projectId); break;
            case 8: await OneStatusAsync(projectId); break;
            default: await RevertAsync(projectId); break;
        }
    }

    /// <summary>Numbers created at random moments over a few days, many near midnight in some zone, with suppliers and geos or none.</summary>
    private async Task InsertAsync(long projectId)
    {
        var count = _random.Next(1, 40);
        var values = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var created = new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.Zero).AddMinutes(_random.Next(0, 4 * 24 * 60));
            var supplier = _random.Next(4) == 0 ? "NULL" : _suppliers[_random.Next(_suppliers.Count)].ToString();
            var geo = _random.Next(4) == 0 ? "NULL" : _geos[_random.Next(_geos.Count)].ToString();
            values.Add($"({projectId}, '{NewPhone()}', {supplier}, {geo}, '{created:O}')");
        }
        await ExecuteAsync($"INSERT INTO numbers (project_id, phone, supplier_id, geo_id, created_at) VALUES {string.Join(", ", values)}");
    }

    private async Task CallAsync(long projectId, bool late)
    {
        var phones = await PhonesAsync(projectId, _random.Next(1, 6));
        var started = late ? DateTimeOffset.UtcNow.AddDays(-_random.Next(1, 5)) : DateTimeOffset.UtcNow.AddSeconds(-_random.Next(0, 600));
        var events = phones.Select(phone => new CallEvent(Guid.NewGuid().ToString(),
            _random.Next(3) == 0 ? CallEventType.Missed : CallEventType.Ended, CallDirection.Outbound, phone, phone, "op",
            projectId, started, _random.Next(0, 300), Results[_random.Next(Results.Length)], null)).ToList();
        await _calls.AcceptAsync(events, CancellationToken.None);
        await _calls.LinkAllPendingAsync(1000, CancellationToken.None);
    }

    private Task BulkStatusAsync(long projectId)
    {
        var status = (short)_random.Next(0, 7);
        var supplier = _suppliers[_random.Next(_suppliers.Count)];
        return ExecuteAsync($"""
            UPDATE numbers n SET status = {status}, worked_at = now(),
                converted_at = CASE WHEN {status} = 5 THEN coalesce(n.converted_at, now()) ELSE n.converted_at END
            WHERE project_id = {projectId} AND supplier_id = {supplier} AND status <> {status}
            """);
    }

    private Task OneStatusAsync(long projectId) => ExecuteAsync($"""
        UPDATE numbers SET status = {_random.Next(0, 7)}, worked_at = now()
        WHERE project_id = {projectId} AND id = (SELECT id FROM numbers WHERE project_id = {projectId} ORDER BY random() LIMIT 1)
        """);

    /// <summary>As a revert does: the numbers of an id range go.</summary>
    private Task RevertAsync(long projectId) => ExecuteAsync($"""
        DELETE FROM numbers WHERE project_id = {projectId}
          AND id > (SELECT coalesce(max(id), 0) - {_random.Next(1, 30)} FROM numbers WHERE project_id = {projectId})
        """);

    /// <summary>The rollup as ConversionRules computes it in C# from the numbers' rows: a check of the SQL's rules.</summary>
    public async Task<Dictionary<ConversionKey, ConversionFigures>> ComputedInCoreAsync(long projectId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await ScalarAsync<string>($"SELECT schedule_time_zone FROM projects WHERE id = {projectId}"));
        await using var command = database.DataSource.CreateCommand(
            $"SELECT created_at, coalesce(supplier_id, 0), coalesce(geo_id, 0), status, attempts, talk_seconds FROM numbers WHERE project_id = {projectId}");
        await using var reader = await command.ExecuteReaderAsync();
        var groups = new Dictionary<ConversionKey, ConversionFigures>();
        while (await reader.ReadAsync())
        {
            var key = new ConversionKey(ConversionRules.DayOf(reader.GetFieldValue<DateTimeOffset>(0), zone), reader.GetInt64(1), reader.GetInt64(2));
            var figures = ConversionRules.Of((NumberStatus)reader.GetInt16(3), reader.GetInt32(4), reader.GetInt32(5));
            groups[key] = groups.GetValueOrDefault(key, ConversionFigures.Zero).Add(figures);
        }
        return groups;
    }

    public async Task<Dictionary<ConversionKey, ConversionFigures>> RollupAsync(long projectId)
    {
        await using var command = database.DataSource.CreateCommand($"""
            SELECT day, supplier_id, geo_id, loaded, processed, reached, converted, rejected, attempts, talk_seconds
            FROM conversion_daily WHERE project_id = {projectId}
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var groups = new Dictionary<ConversionKey, ConversionFigures>();
        while (await reader.ReadAsync())
            groups[new ConversionKey(reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1), reader.GetInt64(2))] = new ConversionFigures(
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9));
        return groups;
    }

    private async Task<List<string>> PhonesAsync(long projectId, int count)
    {
        await using var command = database.DataSource.CreateCommand(
            $"SELECT phone FROM numbers WHERE project_id = {projectId} ORDER BY random() LIMIT {count}");
        await using var reader = await command.ExecuteReaderAsync();
        var phones = new List<string>();
        while (await reader.ReadAsync())
            phones.Add(reader.GetString(0));
        return phones;
    }

    private string NewPhone() => $"+7918{seed:D2}{++_phones:D5}";

    public async Task ExecuteAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public Task<T> ScalarAsync<T>(string sql) =>
        database.ScalarAsync<T>(sql);
}
