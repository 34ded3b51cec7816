using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhoneCrm.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PhoneCrm.Tests.Browser.CrmUi;

namespace PhoneCrm.Tests.Browser;

/// <summary>
/// An administrator takes a project through its whole life in the browser: create, edit, validation, soft
/// delete, Deleted projects, restore, delete permanently; and reads it all back in the audit log. The tests
/// share one app and database, so each uses project names of its own.
/// </summary>
public sealed class ProjectLifecycleTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Admin_creates_edits_deletes_restores_and_permanently_deletes_a_project()
    {
        const string name = "Lifecycle Alpha";
        const string renamed = "Lifecycle Alpha (edited)";

        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            await Expect(page.Locator("h1")).ToHaveTextAsync("Проекты");

            // Create: the dialog starts with Mon–Fri checked, so only the name and window need filling in.
            await page.GetByTestId("project-new").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Новый проект" });
            await ExpectCursorInAsync(dialog.GetByTestId("project-name-input"));
            await Expect(dialog.GetByTestId("day-Monday")).ToBeCheckedAsync();
            await Expect(dialog.GetByTestId("day-Friday")).ToBeCheckedAsync();
            await Expect(dialog.GetByTestId("day-Sunday")).Not.ToBeCheckedAsync();
            await dialog.GetByTestId("project-name-input").FillAsync(name);
            await dialog.GetByTestId("project-description-input").FillAsync("First description");
            await dialog.GetByTestId("window-start").FillAsync("10:00");
            await dialog.GetByTestId("window-end").FillAsync("17:30");
            await dialog.GetByTestId("project-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await ExpectNotificationAsync(page, "Проект создан.");
            var row = ProjectRow(page, name);
            await Expect(row).ToContainTextAsync("First description");
            await Expect(row).ToContainTextAsync("пн, вт, ср, чт, пт 10:00–17:30");

            // Edit: the dialog shows the saved values; the grid shows the new ones.
            await row.GetByTestId("project-edit").ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Изменение проекта «{name}»" });
            await ExpectCursorInAsync(dialog.GetByTestId("project-name-input"));
            await Expect(dialog.GetByTestId("project-name-input")).ToHaveValueAsync(name);
            await Expect(dialog.GetByTestId("window-start")).ToHaveValueAsync("10:00");
            await dialog.GetByTestId("project-name-input").FillAsync(renamed);
            await dialog.GetByTestId("project-description-input").FillAsync("Second description");
            await dialog.GetByTestId("project-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await ExpectNotificationAsync(page, "Проект сохранён.");
            await Expect(ProjectRow(page, renamed)).ToContainTextAsync("Second description");
            await Expect(ProjectRow(page, name)).ToHaveCountAsync(0);

            // Soft delete, after the confirmation.
            await SoftDeleteProjectAsync(page, renamed);

            // Deleted projects shows it with who deleted it; Restore brings it back to Projects.
            await NavigateAsync(page, "Удалённые проекты");
            var deleted = DeletedProjectRow(page, renamed);
            await Expect(deleted).ToContainTextAsync("admin");
            await deleted.GetByTestId("deleted-restore").ClickAsync();
            await ExpectNotificationAsync(page, $"Проект «{renamed}» восстановлен.");
            await Expect(deleted).ToHaveCountAsync(0);
            await NavigateAsync(page, "Проекты");
            await Expect(ProjectRow(page, renamed)).ToBeVisibleAsync();

            // Delete again, then for good: the button stays disabled until the exact name is typed.
            await SoftDeleteProjectAsync(page, renamed);
            await NavigateAsync(page, "Удалённые проекты");
            await DeletedProjectRow(page, renamed).GetByTestId("deleted-purge").ClickAsync();
            var purge = page.GetByTestId("purge-dialog");
            await ExpectCursorInAsync(purge.GetByTestId("purge-confirm-name"));
            await Expect(purge).ToContainTextAsync($"Проект «{renamed}» и все его номера будут удалены безвозвратно.");
            var submit = purge.GetByTestId("purge-submit");
            await Expect(submit).ToBeDisabledAsync();
            await purge.GetByTestId("purge-confirm-name").FillAsync("Lifecycle Alpha");
            await Expect(submit).ToBeDisabledAsync();
            await purge.GetByTestId("purge-confirm-name").FillAsync(renamed);
            await Expect(submit).ToBeEnabledAsync();
            await submit.ClickAsync();
            await Expect(purge).ToBeHiddenAsync();
            await ExpectNotificationAsync(page, $"Проект «{renamed}» удалён навсегда.");
            await Expect(DeletedProjectRow(page, renamed)).ToHaveCountAsync(0);
        });

        await using var db = app.Database.CreateContext();
        Assert.False(await db.Projects.AnyAsync(p => p.Name == name || p.Name == renamed));
    }

    [Fact]
    public async Task Project_dialog_shows_what_to_fix_and_saves_nothing_while_the_input_is_invalid()
    {
        const string taken = "Validation Taken";

        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            await CreateProjectAsync(page, taken);

            await page.GetByTestId("project-new").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Новый проект" });
            await ExpectCursorInAsync(dialog.GetByTestId("project-name-input"));
            // Case differs: uniqueness ignores case, as the database's index does.
            await dialog.GetByTestId("project-name-input").FillAsync("validation taken");
            await dialog.GetByTestId("window-start").FillAsync("18:00");
            await dialog.GetByTestId("window-end").FillAsync("09:00");
            foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
                await dialog.GetByTestId($"day-{day}").UncheckAsync();
            await dialog.GetByTestId("project-save").ClickAsync();

            await Expect(dialog.GetByTestId("error-Name"))
                .ToHaveTextAsync("Проект с названием «validation taken» уже существует. Выберите другое название.");
            await Expect(dialog.GetByTestId("error-WindowStart")).ToHaveTextAsync("Начало окна звонков должно быть раньше конца.");
            await Expect(dialog.GetByTestId("error-Days")).ToHaveTextAsync("Выберите хотя бы один день недели.");

            // Fixing the window and the days leaves only the name's message.
            await dialog.GetByTestId("window-start").FillAsync("08:00");
            await dialog.GetByTestId("day-Saturday").CheckAsync();
            await dialog.GetByTestId("project-save").ClickAsync();
            await Expect(dialog.GetByTestId("error-WindowStart")).ToHaveCountAsync(0);
            await Expect(dialog.GetByTestId("error-Days")).ToHaveCountAsync(0);
            await Expect(dialog.GetByTestId("error-Name")).ToBeVisibleAsync();

            await dialog.GetByRole(AriaRole.Button, new() { Name = "Отмена", Exact = true }).ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(ProjectRow(page, taken)).ToHaveCountAsync(1);
        });

        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.Projects.CountAsync(p => p.Name.ToLower() == "validation taken"));
    }

    [Fact]
    public async Task Restoring_a_project_whose_name_a_live_project_took_shows_an_error_and_keeps_it_deleted()
    {
        const string name = "Conflict Beta";

        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            await CreateProjectAsync(page, name, "the original");
            await SoftDeleteProjectAsync(page, name);
            // The name is free again among live projects, so a new project may take it.
            await CreateProjectAsync(page, name, "the newcomer");

            await NavigateAsync(page, "Удалённые проекты");
            var deleted = DeletedProjectRow(page, name);
            await deleted.GetByTestId("deleted-restore").ClickAsync();
            await ExpectNotificationAsync(page, "Действие не выполнено",
                $"Нельзя восстановить «{name}»: это имя уже занято действующим проектом. Сначала переименуйте его.");
            await Expect(deleted).ToContainTextAsync("the original");

            await NavigateAsync(page, "Проекты");
            await Expect(ProjectRow(page, name)).ToHaveCountAsync(1);
            await Expect(ProjectRow(page, name)).ToContainTextAsync("the newcomer");
        });
    }

    [Fact]
    public async Task Audit_log_shows_the_create_update_delete_and_restore_of_a_project()
    {
        const string name = "Audited Gamma";

        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            await CreateProjectAsync(page, name);
            await ProjectRow(page, name).GetByTestId("project-edit").ClickAsync();
            var dialog = page.GetByTestId("project-dialog");
            await ExpectCursorInAsync(dialog.GetByTestId("project-name-input"));
            await dialog.GetByTestId("project-description-input").FillAsync("audited change");
            await dialog.GetByTestId("project-save").ClickAsync();
            await ExpectNotificationAsync(page, "Проект сохранён.");
            await SoftDeleteProjectAsync(page, name);
            await NavigateAsync(page, "Удалённые проекты");
            await DeletedProjectRow(page, name).GetByTestId("deleted-restore").ClickAsync();
            await ExpectNotificationAsync(page, $"Проект «{name}» восстановлен.");

            await NavigateAsync(page, "Журнал аудита");
            await ChooseAsync(page, page.GetByTestId("audit-entity"), "Проект");
            var grid = page.GetByTestId("audit-grid");
            // Only project rows are left, and this project's four are newest first (its name is in each row's values).
            await Expect(grid.Locator("tr.rz-data-row td:nth-child(4)").First).ToContainTextAsync("Проект");
            await Expect(grid.Locator("tr.rz-data-row").Filter(new() { HasText = "Пользователь " })).ToHaveCountAsync(0);
            var rows = grid.Locator("tr.rz-data-row").Filter(new() { HasText = name });
            await Expect(rows.Locator("td:nth-child(3)")).ToHaveTextAsync(["Восстановление", "Удаление", "Изменение", "Создание"]);
            await Expect(rows.Locator("td:nth-child(2)")).ToHaveTextAsync(["admin", "admin", "admin", "admin"]);
            await Expect(rows.Nth(2)).ToContainTextAsync("audited change");
        });
    }
}
