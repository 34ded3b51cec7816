using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Sftp;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Sftp;

namespace PhoneCrm.Tests.Web.Sftp;

/// <summary>Pulls against a real OpenSSH sshd: each file is imported exactly once, whatever goes wrong around it.</summary>
public sealed class SftpPullTests(SftpPullFixture fixture) : IClassFixture<SftpPullFixture>
{
    [Fact]
    public async Task A_key_pull_imports_each_file_once_and_moves_it_to_the_processed_folder()
    {
        await using var kit = new SftpKit(fixture.Database);
        var project = await fixture.CreateProjectAsync();
        fixture.Server.WriteRemoteFile("key/base-1.csv", SftpPullFixture.Csv(300));
        fixture.Server.WriteRemoteFile("key/base-2.csv", SftpPullFixture.Csv(200, first: 300));
        fixture.Server.WriteRemoteFile("key/notes.txt", "not a number file"u8.ToArray());
        var host = await kit.CreateHostAsync(fixture.Database, fixture.Server, project, "key");

        var first = await kit.PullAsync(host);

        Assert.Equal(SftpRunStatus.Succeeded, first.Status);
        Assert.Equal((2, 2, 500L), (first.Totals.Found, first.Totals.Imported, first.Totals.Rows));
        Assert.Equal(500, await fixture.NumbersAsync(project));
        Assert.True(File.Exists(fixture.Remote("key/processed/base-1.csv")));
        Assert.True(File.Exists(fixture.Remote("key/processed/base-2.csv")));
        Assert.False(File.Exists(fixture.Remote("key/base-1.csv")));
        Assert.True(File.Exists(fixture.Remote("key/notes.txt")), "a file outside the pattern is left alone");
        Assert.Empty(Directory.GetFiles(kit.DownloadDirectory));

        var second = await kit.PullAsync(host);
        Assert.Equal((0, 0), (second.Totals.Found, second.Totals.Imported));
        Assert.Equal(500, await fixture.NumbersAsync(project));
        Assert.Equal(2, await fixture.ScalarAsync<long>($"SELECT count(*) FROM sftp_files WHERE host_id = {host} AND status = 'imported' AND settled_at IS NOT NULL"));
        Assert.Equal(2, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = '{AuditActions.SftpPull}' AND entity_id = '{host}' AND actor LIKE 'system:sftp:%'"));
        Assert.Equal(2, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = '{AuditActions.SftpFile}' AND entity_id = '{host}'"));
    }

    [Fact]
    public async Task A_password_pull_can_delete_what_it_imported_and_the_password_never_reaches_a_log()
    {
        await using var kit = new SftpKit(fixture.Database);
        var project = await fixture.CreateProjectAsync();
        fixture.Server.WriteRemoteFile("password/base.csv", SftpPullFixture.Csv(50));
        var host = await kit.CreateHostAsync(fixture.Database, fixture.Server, project, "password", password: true,
            configure: h => h.AfterImport = SftpAfterImport.Delete);

        var result = await kit.PullAsync(host);

        Assert.Equal(SftpRunStatus.Succeeded, result.Status);
        Assert.Equal(50, await fixture.NumbersAsync(project));
        Assert.False(File.Exists(fixture.Remote("password/base.csv")));
        Assert.False(Directory.Exists(fixture.Remote("password/processed")));
        Assert.DoesNotContain(fixture.Server.Password, kit.Logs.All);
        Assert.Equal(0, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE new_values::text LIKE '%{fixture.Server.Password}%' OR old_values::text LIKE '%{fixture.Server.Password}%'"));
        Assert.NotEqual(fixture.Server.Password, await fixture.ScalarAsync<string>($"SELECT protected_secret FROM sftp_hosts WHERE id = {host}"));
    }

    [Fact]
    public async Task A_different_host_key_is_refused_alerted_and_nothing_is_imported()
    {
        await using var kit = new SftpKit(fixture.Database);
        var project = await fixture.CreateProjectAsync();
        fixture.Server.WriteRemoteFile("wrong-key/base.csv", SftpPullFixture.Csv(10));
        var host = await kit.CreateHostAsync(fixture.Database, fixture.Server, project, "wrong-key", pinnedKey: fixture.Server.OtherHostKey);

        var result = await kit.PullAsync(host);

        Assert.Equal(SftpRunStatus.Failed, result.Status);
        Assert.Equal(0, await fixture.NumbersAsync(project));
        Assert.True(File.Exists(fixture.Remote("wrong-key/base.csv")));
        Assert.NotNull(await fixture.ScalarAsync<string>($"SELECT host_key_alert FROM sftp_hosts WHERE id = {host}"));
        Assert.Equal(1, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = '{AuditActions.HostKeyRefused}' AND entity_id = '{host}'"));
        Assert.Contains(kit.Logs.Lines, line => line.StartsWith("Error") && line.Contains("not the pinned one"));

        // Until an administrator confirms a key again, the host is not even contacted.
        var next = await kit.PullAsync(host);
        Assert.Equal(SftpRunStatus.Failed, next.Status);
        Assert.Contains("different host key", next.Error);
        Assert.Equal(0, await fixture.NumbersAsync(project));
    }

    [Fact]
    public async Task A_file_growing_during_the_listing_is_left_for_the_next_run_and_then_imported_whole()
    {
        await using var kit = new SftpKit(fixture.Database, stableCheckSeconds: 1.5);
        var project = await fixture.CreateProjectAsync();
        var path = fixture.Server.WriteRemoteFile("growing/base.csv", SftpPullFixture.Csv(100));
        var host = await kit.CreateHostAsync(fixture.Database, fixture.Server, project, "growing");

        // The supplier's upload is still going: lines keep arriving until the pull has listed twice and returned.
        var pull = kit.PullAsync(host);
        var rows = 100;
        while (!pull.IsCompleted)
        {
            await File.AppendAllTextAsync(path, $"+7912{rows:D7};Клиент {rows}\n");
            rows++;
            await Task.Delay(50);
        }
        var first = await pull;

        Assert.Equal((1, 0, 1), (first.Totals.Found, first.Totals.Imported, first.Totals.Skipped));
        Assert.Equal(0, await fixture.NumbersAsync(project));
        Assert.True(File.Exists(path));

        var second = await kit.PullAsync(host);
        Assert.Equal(1, second.Totals.Imported);
        Assert.Equal(rows, await fixture.NumbersAsync(project));
    }

    [Fact]
    public async Task A_malformed_file_goes_to_the_failed_folder_with_its_reason_and_nothing_is_imported()
    {
        await using var kit = new SftpKit(fixture.Database);
        var project = await fixture.CreateProjectAsync();
        fixture.Server.WriteRemoteFile("malformed/broken.xlsx", "this is not a workbook"u8.ToArray());
        fixture.Server.WriteRemoteFile("malformed/good.csv", SftpPullFixture.Csv(20));
        var host = await kit.CreateHostAsync(fixture.Database, fixture.Server, project, "malformed");

        var result = await kit.PullAsync(host);

        Assert.Equal(SftpRunStatus.PartlyFailed, result.Status);
        Assert.Equal((2, 1, 1), (result.Totals.Found, result.Totals.Imported, result.Totals.Failed));
        Assert.Equal(20, await fixture.NumbersAsync(project));
        Assert.True(File.Exists(fixture.Remote("malformed/failed/broken.xlsx")));
        var reason = await File.ReadAllTextAsync(fixture.Remote("malformed/failed/broken.xlsx.reason.txt"));
        Assert.Contains("broken.xlsx", reason);
        var detail = await fixture.ScalarAsync<string>($"SELECT detail FROM sftp_files WHERE host_id = {host} AND status = 'failed'");
        Assert.Contains(detail, reason);
        Assert.Equal(1, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM import_batches WHERE project_id = {project} AND status = 'completed'"));
    }

    [Fact]
    public async Task The_reason_file_of_a_failed_file_is_in_the_servers_language_throughout()
    {
        await using var kit = new SftpKit(fixture.Database);
        var project = await fixture.CreateProjectAsync();
        fixture.Server.WriteRemoteFile("russian/broken.xlsx", "this is not a workbook"u8.ToArray());
        var host = await kit.CreateHostAsync(fixture.Database, fixture.Server, project, "russian");

        using (new CultureScope("ru"))
            Assert.Equal(1, (await kit.PullAsync(host)).Totals.Failed);

        var reason = await File.ReadAllTextAsync(fixture.Remote("russian/failed/broken.xlsx.reason.txt"));
        Assert.StartsWith("PhoneCrm не загрузил broken.xlsx", reason);
        Assert.Contains("Причина: У файла расширение .xlsx", reason);
        Assert.DoesNotContain("was not imported", reason);
        Assert.DoesNotContain("Reason", reason);
    }

    [Fact]
    public async Task A_file_whose_name_is_already_in_the_processed_folder_is_moved_beside_it_and_the_log_says_where()
    {
        await using var kit = new SftpKit(fixture.Database);
        var project = await fixture.CreateProjectAsync();
        fixture.Server.WriteRemoteFile("again/daily.csv", SftpPullFixture.Csv(30));
        var host = await kit.CreateHostAsync(fixture.Database, fixture.Server, project, "again");
        var first = await kit.PullAsync(host);
        Assert.Equal(1, first.Totals.Imported);

        // The supplier sends the same name again with other numbers.
        fixture.Server.WriteRemoteFile("again/daily.csv", SftpPullFixture.Csv(25, first: 1000));
        var second = await kit.PullAsync(host);

        Assert.Equal(1, second.Totals.Imported);
        Assert.Equal(55, await fixture.NumbersAsync(project));
        Assert.Equal(SftpPullFixture.Csv(30), await File.ReadAllBytesAsync(fixture.Remote("again/processed/daily.csv")));
        var moved = await fixture.ScalarAsync<string>(
            $"SELECT settled_path FROM sftp_files WHERE host_id = {host} AND run_id = {second.RunId}");
        Assert.Matches(@"^again/processed/daily\.\d{8}-\d{6}\.csv$", moved);
        Assert.Equal(SftpPullFixture.Csv(25, first: 1000), await File.ReadAllBytesAsync(fixture.Remote(moved)));
        Assert.Equal("again/processed/daily.csv", await fixture.ScalarAsync<string>(
            $"SELECT settled_path FROM sftp_files WHERE host_id = {host} AND run_id = {first.RunId}"));
    }

    [Fact]
    public async Task The_same_content_under_a_new_name_is_a_duplicate_and_is_not_imported_again()
    {
        await using var kit = new SftpKit(fixture.Database);
        var project = await fixture.CreateProjectAsync();
        var content = SftpPullFixture.Csv(40);
        fixture.Server.WriteRemoteFile("same/monday.csv", content);
        var host = await kit.CreateHostAsync(fixture.Database, fixture.Server, project, "same");
        Assert.Equal(1, (await kit.PullAsync(host)).Totals.Imported);

        fixture.Server.WriteRemoteFile("same/tuesday.csv", content);
        var again = await kit.PullAsync(host);

        Assert.Equal((1, 0, 1), (again.Totals.Found, again.Totals.Imported, again.Totals.Skipped));
        Assert.Equal(40, await fixture.NumbersAsync(project));
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM import_batches WHERE project_id = {project}"));
        Assert.Contains("monday.csv", await fixture.ScalarAsync<string>(
            $"SELECT detail FROM sftp_files WHERE host_id = {host} AND status = 'duplicate' AND remote_path LIKE '%tuesday.csv'"));
        Assert.True(File.Exists(fixture.Remote("same/processed/tuesday.csv")));
    }

    [Fact]
    public async Task A_file_imported_but_not_moved_is_moved_by_the_next_run_and_not_imported_again()
    {
        await using var kit = new SftpKit(fixture.Database);
        var project = await fixture.CreateProjectAsync();
        fixture.Server.WriteRemoteFile("unmoved/base.csv", SftpPullFixture.Csv(60));
        // A file where the processed folder should be: the move after the import fails, as if the app had died
        // between the import's commit and the move.
        fixture.Server.WriteRemoteFile("unmoved/processed", "in the way"u8.ToArray());
        var host = await kit.CreateHostAsync(fixture.Database, fixture.Server, project, "unmoved");

        var first = await kit.PullAsync(host);

        Assert.Equal(SftpRunStatus.Failed, first.Status);
        Assert.Equal(1, first.Totals.Imported);
        Assert.Equal(60, await fixture.NumbersAsync(project));
        Assert.True(File.Exists(fixture.Remote("unmoved/base.csv")));

        File.Delete(fixture.Remote("unmoved/processed"));
        var second = await kit.PullAsync(host);

        Assert.Equal(SftpRunStatus.Succeeded, second.Status);
        Assert.Equal((1, 0, 1), (second.Totals.Found, second.Totals.Imported, second.Totals.Skipped));
        Assert.Equal(60, await fixture.NumbersAsync(project));
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM import_batches WHERE project_id = {project}"));
        Assert.True(File.Exists(fixture.Remote("unmoved/processed/base.csv")));
    }

    [Fact]
    public async Task Two_instances_pulling_one_host_at_once_import_each_file_once()
    {
        await using var first = new SftpKit(fixture.Database);
        await using var second = new SftpKit(fixture.Database);
        var project = await fixture.CreateProjectAsync();
        fixture.Server.WriteRemoteFile("twice/a.csv", SftpPullFixture.Csv(500));
        fixture.Server.WriteRemoteFile("twice/b.csv", SftpPullFixture.Csv(500, first: 500));
        var host = await first.CreateHostAsync(fixture.Database, fixture.Server, project, "twice");

        var results = await Task.WhenAll(first.PullAsync(host), second.PullAsync(host));

        Assert.Equal(2, results.Sum(r => r.Totals.Imported));
        Assert.Contains(results, r => r.RunId is null); // the second found the host locked
        Assert.Equal(1000, await fixture.NumbersAsync(project));
        Assert.Equal(2, await fixture.ScalarAsync<long>($"SELECT count(*) FROM import_batches WHERE project_id = {project} AND status = 'completed'"));
    }

    [Fact]
    public async Task The_server_stopping_mid_transfer_fails_the_run_cleanly_and_the_next_run_imports_the_file_once()
    {
        // About 3 MB at 2 MB/s: the transfer is still running when the server goes away.
        await using var kit = new SftpKit(fixture.Database, bandwidthLimitKbps: 16_000);
        var project = await fixture.CreateProjectAsync();
        fixture.Server.WriteRemoteFile("cut/big.csv", SftpPullFixture.Csv(120_000));
        var host = await kit.CreateHostAsync(fixture.Database, fixture.Server, project, "cut");

        var pull = kit.PullAsync(host);
        await WaitForAsync(() => Directory.Exists(kit.DownloadDirectory)
            && Directory.GetFiles(kit.DownloadDirectory).Any(f => new FileInfo(f).Length > 0), TimeSpan.FromSeconds(30));
        await fixture.Server.StopAsync();
        SftpPullResult cut;
        try
        {
            cut = await pull;
        }
        finally
        {
            await fixture.Server.StartAsync();
        }

        Assert.Equal(SftpRunStatus.Failed, cut.Status);
        Assert.Equal(0, await fixture.NumbersAsync(project));
        Assert.Empty(Directory.GetFiles(kit.DownloadDirectory));
        Assert.Equal(0, await fixture.ScalarAsync<long>($"SELECT count(*) FROM sftp_files WHERE host_id = {host}"));

        var next = await kit.PullAsync(host);
        Assert.Equal(SftpRunStatus.Succeeded, next.Status);
        Assert.Equal(120_000, await fixture.NumbersAsync(project));
        Assert.Equal(1, await fixture.ScalarAsync<long>($"SELECT count(*) FROM sftp_files WHERE host_id = {host} AND status = 'imported'"));
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The download never started.");
            await Task.Delay(20);
        }
    }
}
