using Microsoft.Playwright;
using PhoneCrm.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PhoneCrm.Tests.Browser.CrmUi;

namespace PhoneCrm.Tests.Browser;

/// <summary>
/// The administrator makes a manager on the Users page and assigns two of three projects; the manager, in a
/// browser of their own, sees only those two and is refused the administrator's pages.
/// </summary>
public sealed class ManagerAccessTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string ManagerName = "manager.anna";
    private const string ManagerPassword = "anna-manager-password";

    [Fact]
    public async Task Manager_sees_only_assigned_projects_and_is_refused_the_administrators_pages()
    {
        var projects = await ProjectSeeder.InsertAsync(app.Database, "Managed", 3);

        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            await NavigateAsync(page, "Пользователи");

            await page.GetByTestId("user-new").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Новый пользователь" });
            await ExpectCursorInAsync(dialog.GetByTestId("user-username"));
            await dialog.GetByTestId("user-username").FillAsync(ManagerName);
            await dialog.GetByTestId("user-displayname").FillAsync("Anna Petrova");
            await ChooseAsync(page, dialog.GetByTestId("user-role-input"), "Менеджер");
            await dialog.GetByTestId("user-password").FillAsync(ManagerPassword);
            await dialog.GetByTestId("user-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await ExpectNotificationAsync(page, "Пользователь создан.");
            var row = GridRow(page, "users-grid", "user-name", ManagerName);
            await Expect(row).ToContainTextAsync("Anna Petrova");
            await Expect(row.GetByTestId("user-role")).ToContainTextAsync("Менеджер");

            // A role change from the grid asks first; cancelled, the role stays.
            await ChooseAsync(page, row.GetByTestId("user-role"), "Администратор");
            await Expect(page.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync($"Назначить пользователю {ManagerName} роль «Администратор»?");
            await ConfirmAsync(page, "Отмена");
            await Expect(row.GetByTestId("user-role")).ToContainTextAsync("Менеджер");

            await row.GetByTestId("user-assign").ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Проекты пользователя {ManagerName}" });
            await ExpectCursorInAsync(dialog.GetByTestId("assign-projects"));
            await dialog.GetByTestId("assign-projects").ClickAsync();
            // Each pick re-renders the list and renews its items' event handlers; a user sees the tick before the
            // next click, and so does the test, or its next click may name a handler the server has just dropped.
            foreach (var project in new[] { "Managed 01", "Managed 02" })
            {
                var option = page.GetByRole(AriaRole.Option, new() { Name = project, Exact = true });
                await option.ClickAsync();
                await Expect(option.Locator(".rz-chkbox-box.rz-state-active")).ToHaveCountAsync(1);
            }
            // A click outside closes the popup, which would otherwise cover the Save button.
            await dialog.Locator(".rz-dialog-title").ClickAsync();
            await Expect(dialog.GetByTestId("assign-projects")).ToContainTextAsync("Managed 01");
            await Expect(dialog.GetByTestId("assign-projects")).ToContainTextAsync("Managed 02");
            await dialog.GetByTestId("assign-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await ExpectNotificationAsync(page, $"Проекты пользователя {ManagerName} сохранены.");
            // The Projects column counts a manager's projects.
            await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("2");
        });

        await app.RunAsync(async blazor =>
        {
            var page = blazor.Page;
            await blazor.SignInAsync(ManagerName, ManagerPassword);

            await Expect(page.GetByTestId("projects-grid").Locator("tr.rz-data-row")).ToHaveCountAsync(2);
            await Expect(ProjectRow(page, "Managed 01")).ToBeVisibleAsync();
            await Expect(ProjectRow(page, "Managed 02")).ToBeVisibleAsync();
            await Expect(ProjectRow(page, "Managed 03")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("project-new")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("project-delete")).ToHaveCountAsync(0);

            await Expect(NavLink(page, "Проекты")).ToBeVisibleAsync();
            foreach (var adminOnly in new[] { "Удалённые проекты", "Пользователи", "Поставщики", "Гео", "Журнал аудита" })
                await Expect(NavLink(page, adminOnly)).ToHaveCountAsync(0);

            // A manager may edit an assigned project.
            await ProjectRow(page, "Managed 01").GetByTestId("project-edit").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Изменение проекта «Managed 01»" });
            await ExpectCursorInAsync(dialog.GetByTestId("project-name-input"));
            await dialog.GetByTestId("project-description-input").FillAsync("edited by the manager");
            await dialog.GetByTestId("project-save").ClickAsync();
            await ExpectNotificationAsync(page, "Проект сохранён.");
            await Expect(ProjectRow(page, "Managed 01")).ToContainTextAsync("edited by the manager");

            // Typed into the address bar, an administrator's page is refused by the server itself (a redirect to
            // the access-denied page), before any of it renders.
            foreach (var path in new[] { "/projects/deleted", "/audit", "/users" })
            {
                var response = await page.GotoAsync(path);
                Assert.NotNull(response);
                Assert.Equal("/access-denied", new Uri(response.Url).AbsolutePath);
                var redirectedFrom = response.Request.RedirectedFrom;
                Assert.NotNull(redirectedFrom);
                Assert.Equal(path, new Uri(redirectedFrom.Url).AbsolutePath);
                await Expect(page.GetByTestId("access-denied")).ToHaveTextAsync("Доступ запрещён");
                await Expect(page.GetByTestId("deleted-grid")).ToHaveCountAsync(0);
                await Expect(page.GetByTestId("audit-grid")).ToHaveCountAsync(0);
            }

            // A number card of a project not assigned to them says so on the page, with the way back.
            await blazor.GotoAsync($"/projects/{projects[2]}/numbers/1");
            await Expect(page.GetByTestId("number-unavailable")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("number-phone")).ToHaveCountAsync(0);
        });
    }
}
