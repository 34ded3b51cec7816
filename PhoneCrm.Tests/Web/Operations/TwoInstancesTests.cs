using Npgsql;
using PhoneCrm.Data.Migrations;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Operations;

/// <summary>Two app processes on one empty database, started at the same moment, as a rolling deploy would.</summary>
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task Two_instances_apply_each_migration_once_and_run_each_job_firing_once()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("two_instances");
        // Every two seconds, so both schedulers compete for many firings within the test.
        var environment = new Dictionary<string, string?> { ["Crm__Jobs__HousekeepingCron"] = "0/2 * * * * ?" };

        var starting = Enumerable.Range(0, 2)
            .Select(_ => AppProcess.StartAsync(database.ConnectionString, AppFixture.AdminPassword, environment))
            .ToList();
        await using var first = await starting[0];
        await using var second = await starting[1];

        var migrations = await ScalarAsync<long>(database, "SELECT count(*) FROM schema_migrations");
        Assert.Equal(MigrationRunner.Scripts.Count, migrations);
        var applyLines = first.Output.Concat(second.Output).Count(l => l.Contains("Applied migration"));
        Assert.Equal(MigrationRunner.Scripts.Count, applyLines);
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM user_roles WHERE role_id = 'administrator'"));

        await WaitForAsync(async () => await ScalarAsync<long>(database, "SELECT count(*) FROM housekeeping_runs") >= 4, TimeSpan.FromSeconds(40));
        var duplicateFirings = await ScalarAsync<long>(database,
            "SELECT count(*) FROM (SELECT scheduled_fire_time FROM housekeeping_runs GROUP BY 1 HAVING count(*) > 1) d");
        Assert.Equal(0L, duplicateFirings);
        var audited = await ScalarAsync<long>(database, "SELECT count(*) FROM audit_log WHERE actor = 'system:housekeeping'");
        Assert.True(audited >= 4, $"only {audited} housekeeping runs were audited");
    }

    private static Task<T> ScalarAsync<T>(TestDatabase database, string sql) =>
        database.ScalarAsync<T>(sql);

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Condition not met within {timeout}.");
            await Task.Delay(250);
        }
    }
}
