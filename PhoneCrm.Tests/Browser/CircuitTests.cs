using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PhoneCrm.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PhoneCrm.Tests.Browser.CrmUi;

namespace PhoneCrm.Tests.Browser;

/// <summary>
/// The app runs .NET 9's blazor.web.js against a .NET 10 server (shared/REGISTRY.md explains why), so the
/// circuit itself needs proof: server-side paging, dialogs and toasts keep working after navigating between
/// pages, and after the connection drops and Blazor's client reconnects to the same circuit.
/// </summary>
public sealed class CircuitTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const int PageSize = 20;

    [Fact]
    public async Task Grid_paging_and_dialogs_keep_working_after_navigating_away_and_back()
    {
        await SeedAsync("Navigated");

        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            await SearchAsync(page, "Navigated");
            await ExpectPageAsync(page, "Navigated", 1);
            await GoToGridPageAsync(page, 2);
            await ExpectPageAsync(page, "Navigated", 2);

            await NavigateAsync(page, "Удалённые проекты");
            await NavigateAsync(page, "Проекты");
            // A fresh page component: the grid starts again at page 1, with no search.
            await Expect(page.GetByTestId("project-search")).ToHaveValueAsync("");
            await SearchAsync(page, "Navigated");
            await ExpectPageAsync(page, "Navigated", 1);
            await GoToGridPageAsync(page, 2);
            await ExpectPageAsync(page, "Navigated", 2);
            await EditDescriptionAsync(page, "Navigated 23", "edited after navigating");
            // Saving reloads the page the grid is on, not the first one.
            await ExpectPageAsync(page, "Navigated", 2);
        });
    }

    [Fact]
    public async Task The_circuit_survives_a_dropped_connection_and_keeps_its_state()
    {
        await SeedAsync("Reconnected");

        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            await SearchAsync(page, "Reconnected");
            await GoToGridPageAsync(page, 2);
            await ExpectPageAsync(page, "Reconnected", 2);

            await blazor.DropConnectionAndWaitForReconnectAsync();

            // Same circuit: the search and the grid's page survived, and the server still answers clicks.
            await Expect(page.GetByTestId("project-search")).ToHaveValueAsync("Reconnected");
            await ExpectPageAsync(page, "Reconnected", 2);
            await GoToGridPageAsync(page, 1);
            await ExpectPageAsync(page, "Reconnected", 1);
            await EditDescriptionAsync(page, "Reconnected 02", "edited after reconnecting");
        });
    }

    /// <summary>
    /// 25 projects to search for (a full first page of 20 and five on the second), and one that sorts before
    /// them and does not match, so that a search the server never received cannot pass for one it did.
    /// </summary>
    private async Task SeedAsync(string prefix)
    {
        await ProjectSeeder.InsertAsync(app.Database, prefix, 25);
        await ProjectSeeder.InsertAsync(app.Database, $"Decoy {prefix[..3]}", 1);
    }

    // The pager's own texts are Radzen's English defaults, even in the Russian UI; the tests rely on numbers only.
    private static ILocator Pager(IPage page) => page.GetByTestId("projects-grid").Locator(".rz-pager");

    private static async Task SearchAsync(IPage page, string text)
    {
        await page.GetByTestId("project-search").FillAsync(text);
        await Expect(Pager(page).Locator(".rz-pager-summary")).ToHaveTextAsync(new Regex(@"\b25\b"));
    }

    private static async Task GoToGridPageAsync(IPage page, int number) =>
        await Pager(page).Locator(".rz-pager-page").Filter(new() { HasTextRegex = new Regex($"^{number}$") }).ClickAsync();

    /// <summary>The grid shows exactly the projects of that page, in name order.</summary>
    private static async Task ExpectPageAsync(IPage page, string prefix, int number)
    {
        var first = (number - 1) * PageSize + 1;
        var last = Math.Min(number * PageSize, 25);
        var names = Enumerable.Range(first, last - first + 1).Select(n => $"{prefix} {n:00}").ToArray();
        await Expect(page.GetByTestId("projects-grid").GetByTestId("project-name")).ToHaveTextAsync(names);
        await Expect(Pager(page).Locator(".rz-pager-page[aria-current=page]")).ToHaveTextAsync(number.ToString());
    }

    private static async Task EditDescriptionAsync(IPage page, string name, string description)
    {
        await ProjectRow(page, name).GetByTestId("project-edit").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Изменение проекта «{name}»" });
        await ExpectCursorInAsync(dialog.GetByTestId("project-name-input"));
        await Expect(dialog.GetByTestId("project-name-input")).ToHaveValueAsync(name);
        await dialog.GetByTestId("project-description-input").FillAsync(description);
        await dialog.GetByTestId("project-save").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await ExpectNotificationAsync(page, "Проект сохранён.");
        await Expect(ProjectRow(page, name)).ToContainTextAsync(description);
    }
}
