using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Sftp;

/// <summary>Two real app processes on one database, both running the host's Quartz job on its cron.</summary>
public sealed class SftpClusterTests(SftpPullFixture fixture) : IClassFixture<SftpPullFixture>
{
    [Fact]
    public async Task Two_app_instances_on_a_two_second_schedule_import_each_file_once_and_never_pull_at_the_same_time()
    {
        var project = await fixture.CreateProjectAsync();
        for (var i = 0; i < 3; i++)
            fixture.Server.WriteRemoteFile($"cluster/part-{i}.csv", SftpPullFixture.Csv(20_000, first: i * 20_000));
        long host;
        await using (var kit = new SftpKit(fixture.Database))
            host = await kit.CreateHostAsync(fixture.Database, fixture.Server, project, "cluster", configure: h => h.Cron = "0/2 * * * * ?");

        var settings = new Dictionary<string, string?> { ["Crm__Sftp__StableCheckSeconds"] = "0.5" };
        await using var first = await AppProcess.StartAsync(fixture.Database.ConnectionString, AppFixture.AdminPassword, settings);
        await using var second = await AppProcess.StartAsync(fixture.Database.ConnectionString, AppFixture.AdminPassword, settings);

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (Directory.GetFiles(fixture.Remote("cluster"), "*.csv").Length > 0)
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"The files were not all pulled in 90 s.\nFirst app:\n{first.OutputTail()}\nSecond app:\n{second.OutputTail()}");
            await Task.Delay(250);
        }
        // Let a few more firings happen: they must find nothing new.
        await Task.Delay(TimeSpan.FromSeconds(5));

        Assert.Equal(60_000, await fixture.NumbersAsync(project));
        Assert.Equal(3, await fixture.ScalarAsync<long>($"SELECT count(*) FROM import_batches WHERE project_id = {project}"));
        Assert.Equal(3, await fixture.ScalarAsync<long>($"SELECT count(*) FROM sftp_files WHERE host_id = {host} AND status = 'imported'"));
        Assert.True(await fixture.ScalarAsync<long>($"SELECT count(*) FROM sftp_runs WHERE host_id = {host}") >= 3);
        Assert.Equal(0, await fixture.ScalarAsync<long>($"""
            SELECT count(*) FROM sftp_runs a JOIN sftp_runs b ON a.host_id = b.host_id AND a.id < b.id
            WHERE a.host_id = {host}
              AND b.started_at < coalesce(a.finished_at, now()) AND a.started_at < coalesce(b.finished_at, now())
            """));
        Assert.Equal(0, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM sftp_runs WHERE host_id = {host} AND status NOT IN ('succeeded', 'running')"));
    }

    [Fact]
    public async Task An_app_killed_after_the_download_and_before_the_move_leaves_nothing_and_the_next_pull_imports_the_file_once()
    {
        var project = await fixture.CreateProjectAsync();
        fixture.Server.WriteRemoteFile("killed/big.csv", SftpPullFixture.Csv(300_000));
        long host;
        await using (var kit = new SftpKit(fixture.Database))
            host = await kit.CreateHostAsync(fixture.Database, fixture.Server, project, "killed", configure: h => h.Cron = "0/2 * * * * ?");

        var app = await AppProcess.StartAsync(fixture.Database.ConnectionString, AppFixture.AdminPassword,
            new Dictionary<string, string?> { ["Crm__Sftp__StableCheckSeconds"] = "0.5" });
        try
        {
            // The batch runs once the file is downloaded and hashed; the move comes only after its commit.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await fixture.ScalarAsync<long>($"SELECT count(*) FROM import_batches WHERE project_id = {project} AND status = 'running'") == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "The import never started:\n" + app.OutputTail());
                await Task.Delay(20);
            }
            await app.KillAsync(); // SIGKILL: no shutdown code runs
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.Equal(0, await fixture.NumbersAsync(project));
        Assert.True(File.Exists(fixture.Remote("killed/big.csv")));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM sftp_files WHERE host_id = {host}"));

        await using (var kit = new SftpKit(fixture.Database))
        {
            var next = await kit.PullAsync(host);
            Assert.Equal(1, next.Totals.Imported);
        }
        Assert.Equal(300_000, await fixture.NumbersAsync(project));
        Assert.True(File.Exists(fixture.Remote("killed/processed/big.csv")));
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM sftp_files WHERE host_id = {host} AND status = 'imported'"));
        // The killed run is recorded as interrupted by the next pull of the host.
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM sftp_runs WHERE host_id = {host} AND status = 'interrupted'"));
    }
}
