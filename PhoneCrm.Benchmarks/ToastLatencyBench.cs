using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// Time from the webhook's answer to the toast in a browser: an operator assigned only to the marker project is
/// signed in in Chromium; marker events (one phone each) are posted one by one while the load runs, and the
/// page records, by its own clock, when each toast appears. Both clocks are this machine's wall clock.
/// </summary>
public static class ToastLatencyBench
{
    public const int Markers = 100;
    private const int WarmUp = 5;
    private static readonly TimeSpan _gap = TimeSpan.FromMilliseconds(300);

    private const string Recorder = """
        () => {
            window.__toasts = [];
            new MutationObserver(records => {
                for (const record of records)
                    for (const node of record.addedNodes)
                        if (node.nodeType === 1 && node.querySelector?.('[data-testid=call-toast]'))
                            window.__toasts.push({ text: node.textContent, at: Date.now() });
            }).observe(document.body, { subtree: true, childList: true });
        }
        """;

    public static async Task<Latencies> MeasureAsync(AppRunner app, WebhookLoad load, string userName, string password,
        long projectId, IReadOnlyList<string> markerPhones)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-quic"],
        });
        var page = await browser.NewPageAsync(new() { BaseURL = app.BaseAddress.ToString() });
        await page.GotoAsync("/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        await page.Locator("[data-testid=toasts-toggle][data-subscribed=true]").WaitForAsync(new() { Timeout = 30_000 });
        await page.EvaluateAsync(Recorder);

        using var client = load.CreateClient();
        var answeredAt = new Dictionary<string, long>();
        for (var i = 0; i < WarmUp + Markers; i++)
        {
            var phone = markerPhones[i % markerPhones.Count];
            var body = WebhookLoad.EventJson($"marker-{Guid.NewGuid():N}", phone, "ended", null);
            using var response = await client.SendAsync(load.Signed(body));
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"A marker event got {(int)response.StatusCode}.");
            if (i >= WarmUp)
                answeredAt[phone] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await Task.Delay(_gap);
        }
        await Task.Delay(TimeSpan.FromSeconds(3)); // stragglers

        var toasts = await page.EvaluateAsync<Toast[]>("() => window.__toasts");
        var latencies = new Latencies();
        foreach (var (phone, at) in answeredAt)
            if (toasts.LastOrDefault(t => t.Text.Contains(phone, StringComparison.Ordinal)) is { } toast)
                latencies.Add(toast.At - at);
        if (latencies.Count < answeredAt.Count)
            Console.WriteLine($"  {answeredAt.Count - latencies.Count} of {answeredAt.Count} marker toasts never appeared");
        return latencies;
    }

    public sealed class Toast
    {
        public string Text { get; set; } = "";
        public double At { get; set; }
    }
}
