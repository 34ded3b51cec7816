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
        var housekeeping = new HousekeepingService(database.DataSource, new PhoneCrm.Data.Imports.ImportRecovery(database.DataSource),
            new ConfigurationBuilder().Build(), NullLogger<HousekeepingService>.Instance);

        await housekeeping.RunAsync("instance-a", "fire-1", DateTimeOffset.UtcNow, default);
        await housekeeping.RunAsync("instance-a", "fire-1", DateTimeOffset.UtcNow, default);

        Assert.True(await ScalarAsync<bool>($"SELECT to_regclass('numbers_p{projectId}') IS NOT NULL"));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM housekeeping_runs WHERE fire_instance_id = 'fire-1'"));
        Assert.Equal(1, await ScalarAsync<int>("SELECT repaired_partitions FROM housekeeping_runs WHERE fire_instance_id = 'fire-1'"));
    }

    [Fact]
    public async Task Housekeeping_keeps_call_event_months_ahead_and_clears_the_phones_of_dropped_projects()
    {
        var projectId = await new ProjectsService(database, TestLocalizer.Create())
            .CreateAsync(TestUsers.Administrator, new() { Name = "Dropped " + Guid.NewGuid() });
        await ExecuteAsync($"INSERT INTO numbers (project_id, phone) VALUES ({projectId}, '+79050000001')");
        await ExecuteAsync($"SELECT drop_numbers_partition({projectId}); DELETE FROM projects WHERE id = {projectId}");
        var nextMonth = DateTime.UtcNow.AddMonths(2).ToString("yyyyMM");
        await ExecuteAsync($"DROP TABLE IF EXISTS call_events_{nextMonth}, call_links_{nextMonth}");
        var housekeeping = new HousekeepingService(database.DataSource, new PhoneCrm.Data.Imports.ImportRecovery(database.DataSource),
            new ConfigurationBuilder().Build(), NullLogger<HousekeepingService>.Instance);

        await housekeeping.RunAsync("instance-a", "fire-phones", DateTimeOffset.UtcNow, default);

        Assert.Equal(0L, await ScalarAsync<long>($"SELECT count(*) FROM phone_directory WHERE project_id = {projectId}"));
        Assert.True(await ScalarAsync<bool>($"SELECT to_regclass('call_events_{nextMonth}') IS NOT NULL AND to_regclass('call_links_{nextMonth}') IS NOT NULL"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private Task<T> ScalarAsync<T>(string sql) =>
        database.ScalarAsync<T>(sql);
}
