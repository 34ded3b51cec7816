using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PhoneCrm.Tests.Browser;

/// <summary>
/// What the browser tests do on the app's screens, in the words a user would use, so that each test reads as
/// its flow. Texts are the Russian ones from Strings.ru.resx: Russian is the app's default language.
/// </summary>
public static class CrmUi
{
    /// <summary>Follows a link in the sidebar: navigation inside the running circuit, as a user clicks it.</summary>
    public static async Task NavigateAsync(IPage page, string linkText)
    {
        await NavLink(page, linkText).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(linkText);
        // The sidebar marks this page, and only this one, as the current one.
        var current = page.Locator(".rz-sidebar a[aria-current=page]");
        await Expect(current).ToHaveCountAsync(1);
        await Expect(current).ToHaveAccessibleNameAsync(linkText);
    }

    public static ILocator NavLink(IPage page, string linkText) =>
        page.Locator(".rz-sidebar").GetByRole(AriaRole.Link, new() { Name = linkText, Exact = true });

    /// <summary>The open Radzen dialog (a project, user, assignment or permanent-delete dialog).</summary>
    public static ILocator Dialog(IPage page) => page.GetByRole(AriaRole.Dialog);

    /// <summary>
    /// Waits until a freshly opened dialog has put the cursor in its first field. Until then a dialog may still
    /// move the cursor (Radzen's own autofocus fires half a second after opening), and keys typed meanwhile
    /// would land in that first field instead of the one meant; a user, too, starts typing once the cursor is there.
    /// </summary>
    public static Task ExpectCursorInAsync(ILocator field) => Expect(field).ToBeFocusedAsync();

    /// <summary>Radzen's confirmation box (Dialogs.Confirm), answered with one of its buttons.</summary>
    public static async Task ConfirmAsync(IPage page, string buttonText)
    {
        var confirm = page.GetByRole(AriaRole.Alertdialog);
        await confirm.GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).ClickAsync();
        await Expect(confirm).ToBeHiddenAsync();
    }

    /// <summary>
    /// A toast with this title (and, if given, this detail text) is showing; then the user closes it. Toasts
    /// stack in the bottom right corner, over the lower rows' buttons, and would otherwise block those clicks for
    /// their 4–8 seconds.
    /// </summary>
    public static async Task ExpectNotificationAsync(IPage page, string title, string? detail = null)
    {
        var toast = page.Locator(".rz-notification-item").Filter(new()
        {
            Has = page.Locator(".rz-notification-title").GetByText(title, new() { Exact = true }),
        });
        await Expect(toast).ToBeVisibleAsync();
        if (detail is not null)
            await Expect(toast.Locator(".rz-notification-content")).ToHaveTextAsync(detail);
        try
        {
            await toast.Locator(".rz-notification-close").ClickAsync(new() { Timeout = 2_000 });
        }
        catch (TimeoutException)
        {
            // It timed out on its own meanwhile (a slow machine): gone either way.
        }
        await Expect(toast).ToHaveCountAsync(0);
    }

    /// <summary>The row of a data grid whose name cell (by its test id) is exactly <paramref name="name"/>.</summary>
    public static ILocator GridRow(IPage page, string gridTestId, string nameTestId, string name) =>
        page.GetByTestId(gridTestId).Locator("tr.rz-data-row").Filter(new()
        {
            Has = page.GetByTestId(nameTestId).GetByText(name, new() { Exact = true }),
        });

    public static ILocator ProjectRow(IPage page, string name) => GridRow(page, "projects-grid", "project-name", name);

    public static ILocator DeletedProjectRow(IPage page, string name) => GridRow(page, "deleted-grid", "deleted-name", name);

    /// <summary>Picks an item in a Radzen dropdown: a click opens its popup, which lists the items as options.</summary>
    public static async Task ChooseAsync(IPage page, ILocator dropdown, string item)
    {
        await dropdown.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = item, Exact = true }).ClickAsync();
    }

    /// <summary>Creates a project through the New project dialog, leaving the default days as they are.</summary>
    public static async Task CreateProjectAsync(IPage page, string name, string? description = null,
        string windowStart = "09:00", string windowEnd = "18:00")
    {
        await page.GetByTestId("project-new").ClickAsync();
        var dialog = page.GetByTestId("project-dialog");
        await ExpectCursorInAsync(dialog.GetByTestId("project-name-input"));
        await dialog.GetByTestId("project-name-input").FillAsync(name);
        if (description is not null)
            await dialog.GetByTestId("project-description-input").FillAsync(description);
        await dialog.GetByTestId("window-start").FillAsync(windowStart);
        await dialog.GetByTestId("window-end").FillAsync(windowEnd);
        await dialog.GetByTestId("project-save").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await ExpectNotificationAsync(page, "Проект создан.");
        await Expect(ProjectRow(page, name)).ToBeVisibleAsync();
    }

    /// <summary>Soft-deletes a project from the Projects grid, confirming the question.</summary>
    public static async Task SoftDeleteProjectAsync(IPage page, string name)
    {
        await ProjectRow(page, name).GetByTestId("project-delete").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync($"Удалить проект «{name}»?");
        await ConfirmAsync(page, "Удалить");
        await ExpectNotificationAsync(page, $"Проект «{name}» удалён.");
        await Expect(ProjectRow(page, name)).ToHaveCountAsync(0);
    }
}
