using Microsoft.Playwright;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>
/// A Playwright page on the running app that knows when Blazor's circuit is live, and what the browser
/// console said. A Blazor Server page arrives prerendered: it looks finished, but its inputs and buttons are
/// dead until the circuit has rendered the page interactively, which replaces the prerendered elements (so
/// even text typed into them is lost). Playwright's auto-waiting cannot see that, so every full page load
/// (<see cref="GotoAsync"/>, signing in, switching the language) waits for it here. Navigation inside the app
/// keeps the same circuit and needs no such wait.
/// </summary>
public sealed class BlazorPage
{
    // Runs in every new document before the page's own scripts (Playwright injects it over CDP, so the CSP
    // does not apply to it). It keeps the circuit's websocket, so that a test can cut the connection as a
    // network failure would, and counts opened sockets, so that it can see the reconnect.
    private const string CircuitProbe = """
        (() => {
          const NativeWebSocket = window.WebSocket;
          const circuit = { opened: 0, socket: null };
          window.__crmCircuit = circuit;
          window.WebSocket = class extends NativeWebSocket {
            constructor(url, protocols) {
              super(url, protocols);
              if (!String(url).includes('/_blazor')) return;
              circuit.socket = this;
              this.addEventListener('open', () => circuit.opened++);
            }
          };
        })();
        """;

    // Blazor's client marks elements captured by @ref with a _bl_<id> attribute while it applies an interactive
    // render batch; prerendered HTML never has one. The app's layout captures its root (RadzenLayout), so the
    // attribute appears once the page's own interactive render is in the DOM. (The first render batch alone
    // is not enough: it may be the <head>'s, which leaves the page's prerendered inputs dead.)
    private const string RenderedInteractively = """
        () => [...document.body.querySelectorAll('*')].some(e => e.getAttributeNames().some(n => n.startsWith('_bl_')))
        """;

    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _pageErrors = [];
    private readonly Lock _lock = new();

    private BlazorPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                Record(_consoleErrors, $"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Record(_pageErrors, error);
    }

    public IPage Page { get; }

    /// <summary>Set once the test has cut the circuit's connection on purpose.</summary>
    public bool HadSimulatedDrop { get; private set; }

    /// <summary>
    /// Page errors that count as failures. A connection cut on purpose can cut an event in flight; Blazor's
    /// client then reports that one dispatch as failed, as it would on a real network drop, and the circuit
    /// carries on (the reconnect test checks the page's state afterwards).
    /// </summary>
    public IReadOnlyList<string> UnexpectedPageErrors =>
        PageErrors.Where(e => !(HadSimulatedDrop && e.Contains("exception invoking 'DispatchEventAsync'"))).ToList();

    /// <summary>Every console error so far (CSP violations, failed loads, Blazor's own error log).</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_lock)
                return [.. _consoleErrors];
        }
    }

    /// <summary>Uncaught exceptions in the page's scripts.</summary>
    public IReadOnlyList<string> PageErrors
    {
        get
        {
            lock (_lock)
                return [.. _pageErrors];
        }
    }

    /// <summary>Chromium reports every CSP violation as a console error naming the policy.</summary>
    public IReadOnlyList<string> CspViolations =>
        ConsoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();

    public static async Task<BlazorPage> AttachAsync(IPage page)
    {
        await page.AddInitScriptAsync(CircuitProbe);
        return new BlazorPage(page);
    }

    /// <summary>Loads a page of the app from the server and waits until it is interactive.</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForCircuitAsync();
    }

    /// <summary>Waits until the current document has been rendered by its circuit, so that its controls work.</summary>
    public async Task WaitForCircuitAsync()
    {
        await Page.WaitForFunctionAsync(RenderedInteractively);
    }

    /// <summary>Signs in through the login form and waits for the page it lands on to be interactive.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        await Page.GotoAsync("/login");
        await Page.Locator("#username").FillAsync(userName);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("form button[type=submit]").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("current-user")).ToHaveTextAsync(userName);
        await WaitForCircuitAsync();
    }

    /// <summary>
    /// Closes the circuit's websocket as a dropped network would, and waits until Blazor's client has shown its
    /// reconnect overlay, reconnected over a new socket and hidden the overlay again: the server said yes to
    /// resuming the circuit. The circuit keeps its state, so the page carries on where it was.
    /// </summary>
    public async Task DropConnectionAndWaitForReconnectAsync()
    {
        HadSimulatedDrop = true;
        // 4000 is an application close code: SignalR treats it as a failure (1000 would be a clean stop).
        var opened = await Page.EvaluateAsync<int>("""
            () => {
              const circuit = window.__crmCircuit;
              const opened = circuit.opened;
              circuit.socket.close(4000, 'simulated network failure');
              return opened;
            }
            """);
        // The 9.0 client's default overlay is a div with this id, added on the first drop and hidden with
        // display: none once the server has accepted the reconnect.
        await Page.WaitForFunctionAsync("""
            opened => {
              const overlay = document.getElementById('components-reconnect-modal');
              return window.__crmCircuit.opened > opened && overlay !== null && overlay.style.display === 'none';
            }
            """, opened);
    }

    private void Record(List<string> list, string text)
    {
        lock (_lock)
            list.Add(text);
    }
}
