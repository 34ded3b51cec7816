using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PhoneCrm.Data.Migrations;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Data.Migrations;

public sealed class MigrationRunnerTests
{
    private static IReadOnlyList<string> ScriptNames => MigrationRunner.Scripts.Select(s => s.FileName).ToList();

    [Fact]
    public void Scripts_are_embedded_in_version_order()
    {
        Assert.NotEmpty(MigrationRunner.Scripts);
        Assert.Equal(MigrationRunner.Scripts.OrderBy(s => s.Version).Select(s => s.Version),
            MigrationRunner.Scripts.Select(s => s.Version));
    }

    [Fact]
    public async Task Applying_to_an_empty_database_records_every_script_once_and_a_second_run_applies_nothing()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(nameof(MigrationRunnerTests));
        var runner = new MigrationRunner(database.DataSource, NullLogger<MigrationRunner>.Instance);

        var first = await runner.ApplyAsync(CancellationToken.None);
        var second = await runner.ApplyAsync(CancellationToken.None);

        Assert.Equal(ScriptNames, first);
        Assert.Empty(second);
        Assert.Equal(MigrationRunner.Scripts.Select(s => (s.Version, s.FileName, s.Checksum)),
            await ReadSchemaMigrationsAsync(database.DataSource));
        Assert.True(await runner.IsUpToDateAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Two_app_instances_starting_together_apply_each_script_exactly_once()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(nameof(MigrationRunnerTests));
        // Separate data sources, hence separate pools and sessions, as two app processes would have.
        await using var firstSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var secondSource = NpgsqlDataSource.Create(database.ConnectionString);
        var first = new MigrationRunner(firstSource, NullLogger<MigrationRunner>.Instance);
        var second = new MigrationRunner(secondSource, NullLogger<MigrationRunner>.Instance);

        var results = await Task.WhenAll(
            Task.Run(() => first.ApplyAsync(CancellationToken.None)),
            Task.Run(() => second.ApplyAsync(CancellationToken.None)));

        var applied = results.SelectMany(r => r).ToList();
        Assert.Equal(ScriptNames.Order(), applied.Order());
        // The advisory lock makes the loser wait and then find everything done, not interleave with the winner.
        Assert.Contains(results, r => r.Count == 0);
        Assert.Equal(MigrationRunner.Scripts.Count, (await ReadSchemaMigrationsAsync(database.DataSource)).Count);
    }

    [Fact]
    public async Task Runner_on_an_empty_database_is_not_up_to_date()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(nameof(MigrationRunnerTests));
        var runner = new MigrationRunner(database.DataSource, NullLogger<MigrationRunner>.Instance);

        Assert.False(await runner.IsUpToDateAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Audit_log_refuses_update_delete_and_truncate()
    {
        await using var database = await TestDatabase.CreateAsync(nameof(MigrationRunnerTests));
        await ExecuteAsync(database.DataSource, """
            INSERT INTO audit_log (actor, action, entity_type, entity_id, new_values)
            VALUES ('admin', 'Create', 'Project', '1', '{"name": "Alpha"}')
            """);

        foreach (var sql in new[]
                 {
                     "UPDATE audit_log SET actor = 'someone else'",
                     "DELETE FROM audit_log",
                     "TRUNCATE audit_log",
                 })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(database.DataSource, sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
            Assert.Contains("append-only", error.MessageText);
        }

        await using var count = database.DataSource.CreateCommand("SELECT count(*) FROM audit_log WHERE actor = 'admin'");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    private static async Task<List<(int Version, string Name, string Checksum)>> ReadSchemaMigrationsAsync(
        NpgsqlDataSource dataSource)
    {
        var rows = new List<(int, string, string)>();
        await using var command = dataSource.CreateCommand(
            "SELECT version, name, checksum FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
