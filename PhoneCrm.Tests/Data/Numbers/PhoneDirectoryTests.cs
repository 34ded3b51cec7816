using Npgsql;
using PhoneCrm.Data.Numbers;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Data.Numbers;

/// <summary>The phone directory follows the numbers table by itself, whatever writes to it.</summary>
public sealed class PhoneDirectoryTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private async Task<long> CountAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Inserts_and_deletes_of_numbers_keep_the_directory_exact()
    {
        var projects = await ProjectSeeder.InsertAsync(database, "Directory", 2);
        await CountAsync($"""
            WITH added AS (
                INSERT INTO numbers (project_id, phone)
                SELECT p, '+7903' || lpad(i::text, 7, '0') FROM unnest(ARRAY[{projects[0]}, {projects[1]}]) p, generate_series(1, 500) i
                RETURNING 1)
            SELECT count(*) FROM added
            """);
        await CountAsync($"WITH gone AS (DELETE FROM numbers WHERE project_id = {projects[1]} AND phone > '+79030000400' RETURNING 1) SELECT count(*) FROM gone");

        var exact = await CountAsync($"""
            SELECT count(*) FROM (
                (SELECT phone, project_id, id FROM numbers WHERE project_id IN ({projects[0]}, {projects[1]})
                 EXCEPT SELECT phone, project_id, number_id FROM phone_directory)
                UNION ALL
                (SELECT phone, project_id, number_id FROM phone_directory WHERE project_id IN ({projects[0]}, {projects[1]})
                 EXCEPT SELECT phone, project_id, id FROM numbers)) differences
            """);
        Assert.Equal(0, exact);
        Assert.Equal(900, await CountAsync($"SELECT count(*) FROM phone_directory WHERE project_id IN ({projects[0]}, {projects[1]})"));
        Assert.Equal(2, (await new NumberQueries(database.DataSource).FindByPhoneAsync("+79030000100", default)).Count);
    }

    [Fact]
    public async Task A_dropped_project_is_invisible_at_once_and_a_phone_cannot_change()
    {
        var project = (await ProjectSeeder.InsertAsync(database, "Dropped", 1))[0];
        await CountAsync($"INSERT INTO numbers (project_id, phone) VALUES ({project}, '+79040000001')");

        var change = database.DataSource.CreateCommand($"UPDATE numbers SET phone = '+79040000002' WHERE project_id = {project}");
        await Assert.ThrowsAsync<PostgresException>(() => change.ExecuteNonQueryAsync());
        await CountAsync($"SELECT drop_numbers_partition({project}); DELETE FROM projects WHERE id = {project}");

        Assert.Empty(await new NumberQueries(database.DataSource).FindByPhoneAsync("+79040000001", default));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM phone_directory WHERE project_id = {project}")); // left for housekeeping
    }
}
