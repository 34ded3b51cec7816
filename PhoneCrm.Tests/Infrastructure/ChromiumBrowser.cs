using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright cannot download its own browsers here, so it launches
/// /usr/bin/chromium; its node driver ships inside the NuGet package and needs no download. One browser is
/// shared by the run (<see cref="GetSharedAsync"/>, about a second to launch); every test gets a fresh
/// context, so cookies and storage never leak between tests.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly Lazy<Task<ChromiumBrowser>> _shared =
        new(() => LaunchAsync(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly IPlaywright _playwright;
    private int _disposed;

    private ChromiumBrowser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    /// <summary>Where <see cref="RunPageAsync"/> saves the screenshot of a failed test.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppProcess.RepositoryRoot, "test-artifacts", "screenshots");

    public static Task<ChromiumBrowser> GetSharedAsync() => _shared.Value;

    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing. Install it: apt-get install -y chromium");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var chromium = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                // No sandbox: tests run as root in CI. The rest stop Chromium calling home, which has no
                // internet here and would only slow start-up or log noise.
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                ],
            });
            var browser = new ChromiumBrowser(playwright, chromium);
            // Chromium must not outlive the run if a test never disposes the browser (the shared one never is).
            AppDomain.CurrentDomain.ProcessExit += (_, _) => browser.CloseOnExit();
            return browser;
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> with a new page in a new context. If it throws, a screenshot of the page
    /// goes to test-artifacts/screenshots/&lt;testName&gt;.png and the exception is rethrown unchanged.
    /// </summary>
    public async Task RunPageAsync(Func<IPage, Task> body, BrowserNewContextOptions? options = null,
        [CallerMemberName] string testName = "")
    {
        await using var context = await Chromium.NewContextAsync(options);
        var page = await context.NewPageAsync();
        try
        {
            await body(page);
        }
        catch
        {
            await TrySaveScreenshotAsync(page, testName);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await Chromium.CloseAsync();
        _playwright.Dispose();
    }

    private static async Task TrySaveScreenshotAsync(IPage page, string testName)
    {
        try
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            var fileName = string.Concat(testName.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
            await page.ScreenshotAsync(new()
            {
                Path = Path.Combine(ScreenshotDirectory, fileName + ".png"),
                FullPage = true,
                Timeout = 10_000,
            });
        }
        catch (PlaywrightException)
        {
            // The page may be gone (crashed, closed by the test); the original failure matters more.
        }
    }

    private void CloseOnExit()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        try
        {
            // ProcessExit handlers are synchronous; a bounded wait keeps a stuck driver from holding the exit.
            Chromium.CloseAsync().Wait(TimeSpan.FromSeconds(5));
            _playwright.Dispose();
        }
        catch (Exception e) when (e is AggregateException or PlaywrightException or ObjectDisposedException)
        {
        }
    }
}
