using System.Text;
using Microsoft.Playwright;
using PhoneCrm.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PhoneCrm.Tests.Browser;

/// <summary>
/// The app process is killed (SIGKILL, no chance to clean up) while an import it runs is half way: none of
/// the import's rows may remain, and after a restart the batch must say it was interrupted.
/// </summary>
public sealed class InterruptedImportTests
{
    [Fact]
    public async Task Killing_the_app_mid_import_leaves_no_rows_and_the_batch_shows_as_interrupted()
    {
        await using var database = await TestDatabase.CreateAsync("killed_import");
        const string password = "kill test admin password";
        var projectId = await new PhoneCrm.Tests.Data.Imports.ImportTestKit(database).CreateProjectAsync("Killed import");
        var file = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.csv");
        await WriteLargeCsvAsync(file, 1_500_000);
        var browser = await ChromiumBrowser.GetSharedAsync();

        var app = await AppProcess.StartAsync(database.ConnectionString, password);
        try
        {
            await browser.RunPageAsync(async raw =>
            {
                raw.SetDefaultTimeout(60_000);
                var page = await BlazorPage.AttachAsync(raw);
                await page.SignInAsync("admin", password);
                await page.GotoAsync($"/projects/{projectId}/import");
                await raw.GetByTestId("import-file").SetInputFilesAsync(file);
                await Expect(raw.GetByTestId("import-preview")).ToBeVisibleAsync(new() { Timeout = 60_000 });
                await raw.GetByTestId("import-start").ClickAsync();
                await Expect(raw.GetByTestId("imports-grid")).ToBeVisibleAsync();
            }, new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });

            await WaitForAsync(database, $"SELECT status = 'running' AND rows_read > 50000 FROM import_batches WHERE project_id = {projectId}");
            await app.KillAsync();
        }
        finally
        {
            await app.DisposeAsync();
            File.Delete(file);
        }

        Assert.Equal(0L, await ScalarAsync<long>(database, $"SELECT count(*) FROM numbers WHERE project_id = {projectId}"));
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM import_rejects"));
        await using var restarted = await AppProcess.StartAsync(database.ConnectionString, password);
        Assert.Equal("interrupted", await ScalarAsync<string>(database, $"SELECT status FROM import_batches WHERE project_id = {projectId}"));
        Assert.Equal(0L, await ScalarAsync<long>(database, $"SELECT coalesce(sum(n), 0)::bigint FROM number_counts WHERE project_id = {projectId}"));
    }

    private static async Task WriteLargeCsvAsync(string path, int rows)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("Телефон;Имя");
        for (var i = 0; i < rows; i++)
            await writer.WriteLineAsync($"+7 (915) {i / 10000:D3}-{i % 10000 / 100:D2}-{i % 100:D2};Клиент {i}");
    }

    private static async Task WaitForAsync(TestDatabase database, string condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await ScalarAsync<bool?>(database, condition) != true)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for: {condition}");
            await Task.Delay(50);
        }
    }

    private static Task<T> ScalarAsync<T>(TestDatabase database, string sql) =>
        database.ScalarAsync<T>(sql);
}
