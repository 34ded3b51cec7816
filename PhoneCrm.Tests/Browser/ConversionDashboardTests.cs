using System.Globalization;
using Microsoft.Playwright;
using PhoneCrm.Core.Conversions;
using PhoneCrm.Data.Conversions;
using PhoneCrm.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PhoneCrm.Tests.Browser;

/// <summary>The project conversion page shows what the exact aggregate of the project's numbers says.</summary>
public sealed class ConversionDashboardTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task The_dashboard_of_a_project_with_data_shows_the_exact_aggregate()
    {
        var project = (await ProjectSeeder.InsertAsync(app.Database, "Conversion dashboard", 1))[0];
        // 240 numbers loaded now, worked into every status with attempts and talk time.
        await using (var insert = app.Database.DataSource.CreateCommand($"""
            INSERT INTO numbers (project_id, phone, status, attempts, talk_seconds)
            SELECT {project}, '+7916' || lpad(i::text, 7, '0'), (i % 7)::smallint, i % 4, (i % 4) * 30
            FROM generate_series(1, 240) i
            """))
            await insert.ExecuteNonQueryAsync();
        await new ConversionRollup(app.Database.DataSource).RunAsync(CancellationToken.None);
        var exact = ConversionFigures.Sum((await new ConversionDriftCheck(app.Database.DataSource)
            .ExactAsync(project, CancellationToken.None)).Values);
        Assert.Equal(240, exact.Loaded);

        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            await blazor.GotoAsync($"/projects/{project}/conversion");

            await ExpectKpiAsync(page, "loaded", exact.Loaded);
            await ExpectKpiAsync(page, "processed", exact.Processed);
            await ExpectKpiAsync(page, "reached", exact.Reached);
            await ExpectKpiAsync(page, "converted", exact.Converted);
            await ExpectKpiAsync(page, "rejected", exact.Rejected);
            await ExpectKpiAsync(page, "attempts", exact.Attempts);
            await Expect(page.GetByTestId("kpi-reach-rate-value")).ToHaveTextAsync(RussianPercent(exact.ReachRate!.Value));
            await Expect(page.GetByTestId("kpi-conversion-rate-value")).ToHaveTextAsync(RussianPercent(exact.ConversionOfProcessed!.Value));
            await Expect(page.GetByTestId("kpi-conversion-of-loaded-value")).ToHaveTextAsync(RussianPercent(exact.ConversionOfLoaded!.Value));
            await Expect(page.GetByTestId("conversion-trend")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("funnel-converted")).ToContainTextAsync(exact.Converted.ToString(CultureInfo.InvariantCulture));
            // No supplier or geo on these numbers: one row each, "(не указан)", with every number in it.
            var supplierRow = page.GetByTestId("conversion-by-supplier").Locator("tr.rz-data-row");
            await Expect(supplierRow).ToHaveCountAsync(1);
            await Expect(supplierRow).ToContainTextAsync("(не указан)");
            await Expect(page.GetByTestId("conversion-by-geo").Locator("tr.rz-data-row")).ToHaveCountAsync(1);
        });
    }

    [Fact]
    public async Task A_project_without_numbers_says_what_to_do()
    {
        var project = (await ProjectSeeder.InsertAsync(app.Database, "Conversion empty", 1))[0];

        await app.RunAsAdminAsync(async blazor =>
        {
            await blazor.GotoAsync($"/projects/{project}/conversion");
            await Expect(blazor.Page.GetByTestId("conversion-empty")).ToContainTextAsync("Импортируйте файл с номерами");
        });
    }

    private static Task ExpectKpiAsync(IPage page, string id, long value) =>
        Expect(page.GetByTestId($"kpi-{id}-value")).ToHaveTextAsync(value.ToString(CultureInfo.InvariantCulture));

    private static string RussianPercent(double rate) => (rate * 100).ToString("N1", new CultureInfo("ru-RU")) + " %";
}
