using System.Xml.Linq;
using Microsoft.Playwright;
using PhoneCrm.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PhoneCrm.Tests.Browser.CrmUi;

namespace PhoneCrm.Tests.Browser;

/// <summary>The UI speaks Russian by default and switches to English and back, page texts and all.</summary>
public sealed class LanguageSwitchTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    // Path, then the page's heading in Russian and in English (Nav.* in the resource files).
    private static readonly (string Path, string Russian, string English)[] _adminPages =
    [
        ("/projects", "Проекты", "Projects"),
        ("/projects/deleted", "Удалённые проекты", "Deleted projects"),
        ("/users", "Пользователи", "Users"),
        ("/suppliers", "Поставщики", "Suppliers"),
        ("/geos", "Гео", "Geos"),
        ("/audit", "Журнал аудита", "Audit log"),
    ];

    [Fact]
    public async Task Switching_the_language_changes_the_texts_and_stays_on_the_same_page()
    {
        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            await NavigateAsync(page, "Удалённые проекты");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
            await Expect(page.GetByTestId("language-current")).ToHaveTextAsync("Русский");

            await SwitchLanguageAsync(blazor, "en", "English");
            await Expect(page).ToHaveURLAsync(new Uri(app.App.BaseAddress, "projects/deleted").ToString());
            await Expect(page.Locator("h1")).ToHaveTextAsync("Deleted projects");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await Expect(NavLink(page, "Projects")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("logout")).ToHaveTextAsync("Sign out");
            // The new circuit renders in English too, not only the prerendered page.
            await NavigateAsync(page, "Projects");
            await Expect(page.GetByTestId("project-new")).ToHaveAccessibleNameAsync("New project");
            await Expect(page.GetByTestId("projects-grid")).ToContainTextAsync("No projects yet.");

            await SwitchLanguageAsync(blazor, "ru", "Русский");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Проекты");
            await Expect(NavLink(page, "Проекты")).ToBeVisibleAsync();
            await Expect(NavLink(page, "Projects")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("project-new")).ToHaveAccessibleNameAsync("Новый проект");
        });
    }

    [Fact]
    public async Task Every_administrator_page_renders_in_both_languages_without_resource_keys()
    {
        var keys = ResourceKeys();

        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            foreach (var (language, current) in new[] { ("ru", "Русский"), ("en", "English") })
            {
                if (language != "ru")
                    await SwitchLanguageAsync(blazor, language, current);
                foreach (var (path, russian, english) in _adminPages)
                {
                    await blazor.GotoAsync(path);
                    await Expect(page.Locator("h1")).ToHaveTextAsync(language == "ru" ? russian : english);
                    var text = await page.Locator("body").InnerTextAsync();
                    // A missing translation shows as its key (IStringLocalizer falls back to the name).
                    var leaked = keys.Where(key => text.Contains(key, StringComparison.Ordinal)).ToList();
                    Assert.True(leaked.Count == 0, $"{path} in {language} shows resource keys: {string.Join(", ", leaked)}");
                }
            }
        });
    }

    /// <summary>Clicks the language link; the page reloads from the server in that language.</summary>
    private static async Task SwitchLanguageAsync(BlazorPage blazor, string code, string label)
    {
        await blazor.Page.GetByTestId($"language-{code}").ClickAsync();
        // Only the reloaded document names the new language as current; its circuit is then the one to wait for.
        await Expect(blazor.Page.GetByTestId("language-current")).ToHaveTextAsync(label);
        await blazor.WaitForCircuitAsync();
    }

    private static IReadOnlyList<string> ResourceKeys()
    {
        var resx = Path.Combine(AppProcess.RepositoryRoot, "PhoneCrm.Web", "Resources", "Strings.resx");
        return XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
    }
}
