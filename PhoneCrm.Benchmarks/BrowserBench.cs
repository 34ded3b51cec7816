using Microsoft.Playwright;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// A page switch as a user sees it: in Debian's Chromium, on the large project's numbers page, "Older →" is
/// clicked and the time runs until the grid's first row shows another number, measured inside the page
/// (performance.now() from the click to the DOM change), so Playwright's own round trips are not counted.
/// </summary>
public static class BrowserBench
{
    public const int Clicks = 100;
    private const int WarmUp = 5;

    // Clicks "Older" and resolves with the milliseconds until the first number link changes.
    private const string ClickAndWait = """
        (previous) => new Promise((resolve, reject) => {
            const first = () => document.querySelector('[data-testid=number-link]')?.textContent;
            const started = performance.now();
            const observer = new MutationObserver(() => {
                if (first() !== previous) { observer.disconnect(); resolve(performance.now() - started); }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => { observer.disconnect(); reject(new Error('the grid did not change within 10 s')); }, 10000);
            document.querySelector('[data-testid=numbers-older]').click();
        })
        """;

    public static async Task<(Latencies Latencies, int PageSize)> MeasureAsync(AppRunner app, long projectId)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var page = await browser.NewPageAsync(new() { BaseURL = app.BaseAddress.ToString() });
        await page.GotoAsync("/login");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", AppRunner.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));

        await page.GotoAsync($"/projects/{projectId}/numbers");
        await page.Locator("[data-testid=number-link]").First.WaitForAsync();
        var pageSize = await TrySelectPageSizeAsync(page, 100) ? 100 : 50;

        var latencies = new Latencies();
        for (var i = 0; i < WarmUp + Clicks; i++)
        {
            var previous = await page.Locator("[data-testid=number-link]").First.TextContentAsync();
            var milliseconds = await page.EvaluateAsync<double>(ClickAndWait, previous);
            if (i >= WarmUp)
                latencies.Add(milliseconds);
        }
        return (latencies, pageSize);
    }

    /// <summary>Picks 100 rows a page in the grid's size dropdown; false if that did not work (50 stays).</summary>
    private static async Task<bool> TrySelectPageSizeAsync(IPage page, int size)
    {
        try
        {
            var before = await page.Locator("[data-testid=number-link]").CountAsync();
            await page.ClickAsync("[data-testid=numbers-size]");
            await page.Locator(".rz-dropdown-item", new() { HasTextString = size.ToString() }).First.ClickAsync(new() { Timeout = 30000 });
            await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-testid=number-link]').length === {size}",
                null, new() { Timeout = 30000 });
            return before != size;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Console.WriteLine($"    could not pick {size} rows a page ({e.Message.Split('\n')[0]}); measuring at the default size");
            await page.Keyboard.PressAsync("Escape");
            return false;
        }
    }
}
