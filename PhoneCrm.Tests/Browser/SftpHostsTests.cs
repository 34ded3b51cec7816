using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Tests.Web.Sftp;
using static Microsoft.Playwright.Assertions;
using static PhoneCrm.Tests.Browser.CrmUi;

namespace PhoneCrm.Tests.Browser;

/// <summary>An administrator adds an SFTP host, confirms its key from "Test connection", pulls it and reads the pull log.</summary>
public sealed class SftpHostsTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_host_added_on_the_page_is_pinned_pulled_and_logged_and_a_schedule_change_applies_at_once()
    {
        await using var server = await SshServer.StartNewAsync();
        var projectName = "SFTP " + Guid.NewGuid().ToString("N")[..6];
        var project = await new PhoneCrm.Web.Features.Projects.ProjectsService(app.Database, TestLocalizer.Create())
            .CreateAsync(TestUsers.Administrator, new() { Name = projectName });
        server.WriteRemoteFile("inbox/base.csv", SftpPullFixture.Csv(50));
        var hostName = "Supplier " + Guid.NewGuid().ToString("N")[..6];

        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            await NavigateAsync(page, "SFTP-серверы");
            await page.GetByTestId("sftp-new").ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Новый SFTP-сервер");
            await page.GetByTestId("sftp-name").FillAsync(hostName);
            await page.GetByTestId("sftp-host").FillAsync(server.Host);
            await page.GetByTestId("sftp-port").Locator("input").FillAsync(server.Port.ToString());
            await page.GetByTestId("sftp-user").FillAsync(server.UserName);
            await page.GetByTestId("sftp-secret").FillAsync(server.Password);
            await page.GetByTestId("sftp-folder").FillAsync("inbox");
            await ChooseAsync(page, page.GetByTestId("sftp-project"), projectName);
            await page.GetByTestId("sftp-save").ClickAsync();

            // Saved, back on the list, with the server's key offered for confirmation.
            var panel = page.GetByTestId("sftp-key-panel");
            await Expect(panel.GetByTestId("sftp-fingerprint")).ToHaveTextAsync(server.HostKey.Fingerprint);
            await panel.GetByTestId("sftp-confirm-key").ClickAsync();
            await ConfirmAsync(page, "Подтвердить ключ");
            await Expect(panel.GetByTestId("sftp-login-ok")).ToContainTextAsync("Файлов по шаблону сейчас: 1");
            await Expect(page.GetByTestId("sftp-hosts-grid")).ToContainTextAsync(server.HostKey.Fingerprint);

            await page.GetByTestId("sftp-pull-now").ClickAsync();
            await ExpectNotificationAsync(page, $"Загрузка с {hostName} запущена; результат — в журнале загрузок.");
            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Журнал загрузок" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Журнал загрузок");
            var status = page.GetByTestId("sftp-run-status").First;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await status.CountAsync() == 0 || await status.TextContentAsync() != "Успешно")
            {
                Assert.True(DateTime.UtcNow < deadline, "The pull did not succeed within a minute:\n" + app.App.OutputTail());
                await Task.Delay(500);
                await page.GetByTestId("sftp-runs-refresh").ClickAsync();
            }
            await Expect(page.GetByTestId("sftp-run-counts").First).ToHaveTextAsync("найдено 1 · загружено 1 · пропущено 0 · ошибок 0");
            await Expect(page.GetByTestId("sftp-run-rows").First).ToHaveTextAsync("50");

            // A schedule change reaches the scheduler at once, without a restart; a wrong one is explained.
            await NavigateAsync(page, "SFTP-серверы");
            await page.GetByTestId("sftp-hosts-grid").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = hostName }).ClickAsync();
            await page.GetByTestId("sftp-cron").FillAsync("every day");
            await page.GetByTestId("sftp-save").ClickAsync();
            await Expect(page.Locator(".rz-notification-content")).ToContainTextAsync("«every day» — неверное расписание");
            await page.GetByTestId("sftp-cron").FillAsync("0 30 6 * * ?");
            await page.GetByTestId("sftp-save").ClickAsync();
            await Expect(page.GetByTestId("sftp-hosts-grid")).ToContainTextAsync("0 30 6 * * ?");
        });

        Assert.Equal(50, await ScalarAsync<long>($"SELECT count(*) FROM numbers WHERE project_id = {project}"));
        Assert.True(File.Exists(Path.Combine(server.RemoteRoot, "inbox/processed/base.csv")));
        Assert.Equal("0 30 6 * * ?", await ScalarAsync<string>(
            "SELECT c.cron_expression FROM qrtz_cron_triggers c JOIN sftp_hosts h ON c.trigger_name = 'sftp-schedule-' || h.id " +
            $"WHERE h.name = '{hostName}'"));
    }

    private Task<T> ScalarAsync<T>(string sql) =>
        app.Database.ScalarAsync<T>(sql);
}
