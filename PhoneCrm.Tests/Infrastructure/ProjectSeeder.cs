namespace PhoneCrm.Tests.Infrastructure;

/// <summary>
/// Live projects written straight into a test database, for browser tests that need many of them (paging)
/// or need them only as a precondition (a manager's assignments); creating each one through the dialog
/// would cost a second apiece and prove nothing new.
/// </summary>
public static class ProjectSeeder
{
    /// <summary>
    /// Inserts <paramref name="count"/> projects named "<paramref name="prefix"/> 01", "… 02", … (so they sort
    /// by number) with the default schedule, and returns their ids in name order.
    /// </summary>
    public static async Task<IReadOnlyList<long>> InsertAsync(TestDatabase database, string prefix, int count)
    {
        // As ProjectsService.CreateAsync does, each project gets its numbers partition at once: the app
        // assumes it exists (a permanent delete drops it).
        await using var command = database.DataSource.CreateCommand("""
            WITH created AS (
                INSERT INTO projects (name, default_country, schedule_days, window_start, window_end, schedule_time_zone,
                                      created_at, created_by, updated_at, updated_by)
                SELECT format('%s %s', $1, lpad(n::text, 2, '0')), 'RU', 31, '09:00', '18:00', 'Europe/Moscow',
                       now(), 'seed', now(), 'seed'
                FROM generate_series(1, $2) AS n
                RETURNING id, name
            )
            SELECT id FROM created, LATERAL create_numbers_partition(id) ORDER BY name
            """);
        command.Parameters.AddWithValue(prefix);
        command.Parameters.AddWithValue(count);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetInt64(0));
        return ids;
    }
}
