using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>
/// The real app on a database of its own, for one browser test class (<c>IClassFixture&lt;BrowserAppFixture&gt;</c>),
/// and Debian's Chromium to drive it. Each <see cref="RunAsync"/> gets a fresh browser context (its own cookies),
/// so one test can act as the administrator and then as a manager.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    public const string AdminUserName = "admin";

    // Generous: the first page of a fresh app process JIT-compiles a lot, and two app processes and Chromium
    // share two cores when test classes run in parallel. A passing test never waits this long.
    private const float TimeoutMilliseconds = 15_000;

    private TestDatabase? _database;
    private AppProcess? _app;
    private ChromiumBrowser? _browser;

    public string AdminPassword { get; } = "browser-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public TestDatabase Database => _database ?? throw NotStarted();

    public AppProcess App => _app ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(TimeoutMilliseconds);
        _database = await TestDatabase.CreateAsync("browser");
        var browser = ChromiumBrowser.GetSharedAsync();
        // SFTP pulls wait this long between their two listings: a second instead of ten keeps "Pull now" tests short.
        _app = await AppProcess.StartAsync(_database.ConnectionString, AdminPassword,
            new Dictionary<string, string?> { ["Crm__Sftp__StableCheckSeconds"] = "1" });
        _browser = await browser;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    /// <summary>
    /// Runs <paramref name="body"/> in a new browser context on this app. The test fails if the page broke the
    /// Content-Security-Policy or threw an uncaught script error; any failure carries the browser console and
    /// the app's last log lines, and leaves a screenshot named after the test.
    /// </summary>
    public Task RunAsync(Func<BlazorPage, Task> body,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string testName = "")
    {
        var browser = _browser ?? throw NotStarted();
        var name = $"{Path.GetFileNameWithoutExtension(callerFile)}.{testName}";
        var options = new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1440, Height = 900 },
        };
        return browser.RunPageAsync(async page =>
        {
            page.SetDefaultTimeout(TimeoutMilliseconds);
            var blazor = await BlazorPage.AttachAsync(page);
            try
            {
                await body(blazor);
            }
            catch (Exception e)
            {
                throw new XunitException($"{e.Message}\n{Diagnostics(blazor)}", e);
            }
            if (blazor.ConsoleErrors.Count > 0 || blazor.UnexpectedPageErrors.Count > 0)
                throw new XunitException($"The page logged errors (CSP violations: {blazor.CspViolations.Count}).\n{Diagnostics(blazor)}");
        }, options, name);
    }

    /// <summary>As <see cref="RunAsync"/>, signed in as the seeded administrator.</summary>
    public Task RunAsAdminAsync(Func<BlazorPage, Task> body,
        [CallerFilePath] string callerFile = "", [CallerMemberName] string testName = "") =>
        RunAsync(async page =>
        {
            await page.SignInAsync(AdminUserName, AdminPassword);
            await body(page);
        }, callerFile, testName);

    private string Diagnostics(BlazorPage page) =>
        $"--- page errors ---\n{string.Join('\n', page.PageErrors)}\n" +
        $"--- console errors ---\n{string.Join('\n', page.ConsoleErrors)}\n" +
        $"--- app warnings and errors ---\n{string.Join('\n', App.Output.Where(IsProblem).TakeLast(30))}\n" +
        $"--- app output (last lines) ---\n{App.OutputTail(40)}";

    // Serilog's console lines start with "[HH:mm:ss LVL]"; an exception's own lines follow its WRN or ERR line.
    private static bool IsProblem(string line) =>
        line.Contains(" WRN]") || line.Contains(" ERR]") || line.Contains(" FTL]") || line.Contains("Exception");

    private static InvalidOperationException NotStarted() =>
        new("The browser app fixture is not started: use it as IClassFixture<BrowserAppFixture>.");
}
