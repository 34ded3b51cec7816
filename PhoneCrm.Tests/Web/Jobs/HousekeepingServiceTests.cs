using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Projects;
using PhoneCrm.Web.Jobs;

namespace PhoneCrm.Tests.Web.Jobs;

public sealed class HousekeepingServiceTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Housekeeping_recreates_a_missing_partition_and_a_refire_records_nothing_twice()
    {
        var projectId = await new ProjectsService(database, TestLocalizer.Create())
            .CreateAsync(TestUsers.Administrator, new() { Name = "Housekept " + Guid.NewGuid() });
        await ExecuteAsync($"DROP TABLE numbers_p{projectId}");
        var housekeeping = new HousekeepingService(database.DataSource, database, new PhoneCrm.Data.Imports.ImportRecovery(database.DataSource),
            new ConfigurationBuilder().Build(), NullLogger<HousekeepingService>.Instance);

        await housekeeping.RunAsync("instance-a", "fire-1", DateTimeOffset.UtcNow, default);
        await housekeeping.RunAsync("instance-a", "fire-1", DateTimeOffset.UtcNow, default);

        Assert.True(await ScalarAsync<bool>($"SELECT to_regclass('numbers_p{projectId}') IS NOT NULL"));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM housekeeping_runs WHERE fire_instance_id = 'fire-1'"));
        Assert.Equal(1, await ScalarAsync<int>("SELECT repaired_partitions FROM housekeeping_runs WHERE fire_instance_id = 'fire-1'"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
