using System.Net;
using System.Text;
using Microsoft.Playwright;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Browser;

/// <summary>
/// Proves the browser tooling itself (Debian's Chromium, Playwright's bundled driver, the failure
/// screenshot) against a page served from this process, so an app bug can never be mistaken for a
/// broken browser setup, and the other way round.
/// </summary>
public sealed class ChromiumSmokeTests : IAsyncLifetime
{
    private const string PageHtml = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Smoke</title></head>
        <body>
          <h1 id="greeting">Waiting</h1>
          <button id="go" onclick="document.getElementById('greeting').textContent = 'Привет, ' + navigator.userAgent.includes('HeadlessChrome')">Go</button>
        </body></html>
        """;

    private readonly HttpListener _listener = new();
    private Task _serving = Task.CompletedTask;
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        var port = FreePort.Next();
        _address = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(_address.ToString());
        _listener.Start();
        _serving = ServeAsync();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    [Fact]
    public async Task Chromium_renders_a_page_and_runs_its_script()
    {
        var browser = await ChromiumBrowser.GetSharedAsync();

        await browser.RunPageAsync(async page =>
        {
            await page.GotoAsync(_address.ToString());
            Assert.Equal("Smoke", await page.TitleAsync());
            await page.ClickAsync("#go");
            await Assertions.Expect(page.Locator("#greeting")).ToHaveTextAsync("Привет, true");
            var screenshot = await page.ScreenshotAsync();
            Assert.True(screenshot.Length > 1000, "the screenshot should be a real PNG");
        });
    }

    [Fact]
    public async Task A_failing_test_leaves_a_screenshot_and_its_own_exception()
    {
        var browser = await ChromiumBrowser.GetSharedAsync();
        var testName = $"{nameof(ChromiumSmokeTests)}.{nameof(A_failing_test_leaves_a_screenshot_and_its_own_exception)}";
        var screenshot = Path.Combine(ChromiumBrowser.ScreenshotDirectory, testName + ".png");
        if (File.Exists(screenshot))
            File.Delete(screenshot);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => browser.RunPageAsync(async page =>
        {
            await page.GotoAsync(_address.ToString());
            throw new InvalidOperationException("deliberate");
        }, testName: testName));

        Assert.Equal("deliberate", error.Message);
        Assert.True(File.Exists(screenshot), $"{screenshot} should exist");
        // Only real failures should leave screenshots for people to look at.
        File.Delete(screenshot);
    }

    private async Task ServeAsync()
    {
        var body = Encoding.UTF8.GetBytes(PageHtml);
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.StatusCode = context.Request.Url?.AbsolutePath == "/" ? 200 : 404;
            if (context.Response.StatusCode == 200)
                await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
