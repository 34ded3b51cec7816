using System.Text;
using Microsoft.Playwright;
using PhoneCrm.Tests.Data.Imports;
using PhoneCrm.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PhoneCrm.Tests.Browser.CrmUi;

namespace PhoneCrm.Tests.Browser;

/// <summary>A file from upload to revert, as an administrator does it in the browser.</summary>
public sealed class ImportFlowTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Text_named_xlsx_and_a_header_only_file_are_refused_at_the_upload_with_the_reason()
    {
        var projectId = await new ImportTestKit(app.Database).CreateProjectAsync("Refused files");
        var folder = Directory.CreateTempSubdirectory("refused-").FullName;
        var renamed = Path.Combine(folder, "база.xlsx");
        var headerOnly = Path.Combine(folder, "пусто.csv");
        await File.WriteAllTextAsync(renamed, "Телефон\n+79161234567\n");
        await File.WriteAllTextAsync(headerOnly, "Телефон;Имя\n");
        try
        {
            await app.RunAsAdminAsync(async blazor =>
            {
                var page = blazor.Page;
                await blazor.GotoAsync($"/projects/{projectId}/import");

                await page.GetByTestId("import-file").SetInputFilesAsync(renamed);
                await Expect(page.Locator(".rz-notification-content").Filter(new() { HasText = "это не книга Excel" })).ToBeVisibleAsync();
                await page.GetByTestId("import-file").SetInputFilesAsync(headerOnly);
                await Expect(page.Locator(".rz-notification-content").Filter(new() { HasText = "нет ни одной строки с данными" })).ToBeVisibleAsync();
                await Expect(page.GetByTestId("import-preview")).ToHaveCountAsync(0);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        Assert.Equal(0L, await new ImportTestKit(app.Database).ScalarAsync<long>($"SELECT count(*) FROM import_batches WHERE project_id = {projectId}"));
    }

    [Fact]
    public async Task The_file_input_is_disabled_until_the_circuit_can_take_the_file()
    {
        var projectId = await new ImportTestKit(app.Database).CreateProjectAsync("Early file");
        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            // With Blazor's script emptied the page stays as the server rendered it, before any circuit.
            await page.RouteAsync("**/_framework/blazor.web.js",
                route => route.FulfillAsync(new() { Status = 200, ContentType = "text/javascript", Body = "" }));
            await page.GotoAsync($"/projects/{projectId}/import");
            await Expect(page.GetByTestId("import-file")).ToBeDisabledAsync();

            await page.UnrouteAllAsync();
            await blazor.GotoAsync($"/projects/{projectId}/import");
            await Expect(page.GetByTestId("import-file")).ToBeEnabledAsync();
        });
    }

    [Fact]
    public async Task Upload_map_watch_report_page_filter_export_and_revert()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var projectId = await new ImportTestKit(app.Database).CreateProjectAsync("Imported by hand");
        var file = Path.Combine(Path.GetTempPath(), $"flow-{Guid.NewGuid():N}.csv");
        var csv = new StringBuilder("Имя;Телефон;Поставщик\n");
        for (var i = 0; i < 150; i++)
            csv.Append($"Клиент {i};8 (916) 000-{i / 100:D2}-{i % 100:D2};Лидген\n");
        csv.Append("Ошибка;позвоните мне;Лидген\n");      // row 152: letters
        csv.Append("Дубль;8 916 000 00 00;Лидген\n");       // row 153: duplicate of row 2
        await File.WriteAllTextAsync(file, csv.ToString(), Encoding.GetEncoding(1251));
        var before = await MetricsScrape.ReadAsync(app.App);
        try
        {
            await app.RunAsAdminAsync(async blazor =>
            {
                var page = blazor.Page;
                await blazor.GotoAsync($"/projects/{projectId}/import");
                await page.GetByTestId("import-file").SetInputFilesAsync(file);
                await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("Клиент 0");
                // The phone column is the second one, guessed from its Russian header.
                await Expect(page.GetByTestId("map-phone")).ToContainTextAsync("2. Телефон");
                await Expect(page.GetByTestId("map-supplier")).ToContainTextAsync("3. Поставщик");
                await page.GetByTestId("import-start").ClickAsync();

                var status = page.GetByTestId("import-status").First;
                await Expect(status).ToHaveAttributeAsync("data-status", "completed");
                await Expect(status).ToContainTextAsync("загружено 150, отклонено 1, пропущено дублей 1");
                var imported = await MetricsScrape.ReadAsync(app.App);
                Assert.Equal(1, imported.Sum("phonecrm_imports", "outcome=\"completed\"") - before.Sum("phonecrm_imports", "outcome=\"completed\""));
                Assert.Equal(150, imported.Sum("phonecrm_import_rows", "outcome=\"accepted\"") - before.Sum("phonecrm_import_rows", "outcome=\"accepted\""));
                Assert.True(imported.Sum("phonecrm_circuits_open") >= 1, "the open circuit is not counted");

                var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("import-rejects").First.ClickAsync());
                var report = await File.ReadAllTextAsync((await download.PathAsync())!);
                Assert.Contains("152,позвоните мне,не номер телефона (содержит буквы)", report);
                Assert.Contains("153,", report);

                await blazor.GotoAsync($"/projects/{projectId}/numbers");
                await Expect(page.GetByTestId("numbers-total")).ToContainTextAsync("150");
                var firstPhone = page.GetByTestId("numbers-grid").GetByTestId("number-link").First;
                var newest = await firstPhone.InnerTextAsync();
                await page.GetByTestId("numbers-older").ClickAsync();
                await Expect(firstPhone).Not.ToHaveTextAsync(newest);
                await page.GetByTestId("numbers-first").ClickAsync();
                await Expect(firstPhone).ToHaveTextAsync(newest);

                await page.GetByTestId("numbers-prefix").FillAsync("7916000010");
                await page.GetByTestId("numbers-prefix").PressAsync("Tab");
                await Expect(page.GetByTestId("numbers-total")).ToContainTextAsync("Номеров: 10");
                await Expect(page.GetByTestId("numbers-grid").GetByTestId("number-link")).ToHaveCountAsync(10);

                var export = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("numbers-export-csv").ClickAsync());
                var exported = (await File.ReadAllLinesAsync((await export.PathAsync())!)).Skip(1).ToList();
                Assert.Equal(10, exported.Count);
                Assert.All(exported, line => Assert.StartsWith("'+7916000010", line));
                var progress = page.GetByTestId("numbers-export-progress");
                await Expect(progress).ToHaveAttributeAsync("data-finished", "true");
                await Expect(progress).ToHaveTextAsync("Выгрузка готова: 10 строк");
                var exportedMetrics = await MetricsScrape.ReadAsync(app.App);
                Assert.Equal(10, exportedMetrics.Sum("phonecrm_export_rows", "format=\"csv\"") - before.Sum("phonecrm_export_rows", "format=\"csv\""));

                await NavigateAsync(page, "Загрузки");
                await page.GetByTestId("import-revert").First.ClickAsync();
                var dialog = page.GetByTestId("revert-dialog");
                await Expect(dialog).ToContainTextAsync("150");
                await dialog.GetByTestId("revert-submit").ClickAsync();
                await ExpectNotificationAsync(page, "Удалено номеров: 150.");
                await Expect(page.GetByTestId("import-status").First).ToHaveAttributeAsync("data-status", "reverted");
            });
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal(0L, await new ImportTestKit(app.Database).ScalarAsync<long>($"SELECT count(*) FROM numbers WHERE project_id = {projectId}"));
    }
}
