using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>
/// The real web app as a separate OS process on a free loopback port, as it runs in production: its own
/// start-up, migrations, jobs and a process that can be killed mid-work (WebApplicationFactory would share
/// our process and could not be crashed). It runs the PhoneCrm.Web build of the same configuration as this
/// test assembly, so the solution must be built first (scripts/test.sh builds PhoneCrm.sln).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan _stopTimeout = TimeSpan.FromSeconds(15);
    private static readonly Lazy<string> _repositoryRoot = new(FindRepositoryRoot);

    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly Lock _outputLock = new();
    private readonly EventHandler _killOnProcessExit;
    private int _exited;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _killOnProcessExit = (_, _) => KillNow();
        // An app a test forgot to dispose must not outlive the test run.
        AppDomain.CurrentDomain.ProcessExit += _killOnProcessExit;
    }

    /// <summary>The folder holding PhoneCrm.sln.</summary>
    public static string RepositoryRoot => _repositoryRoot.Value;

    /// <summary>Debug or Release: whichever this test assembly was built as.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";

    public static string AppDirectory => Path.Combine(RepositoryRoot, "PhoneCrm.Web", "bin", Configuration, "net10.0");

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>A snapshot of every stdout and stderr line so far, in arrival order.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_outputLock)
                return [.. _output];
        }
    }

    /// <summary>
    /// Starts the app and returns once GET /health/live answers 200. <paramref name="environment"/> is applied
    /// last, so it can override the defaults (e.g. ASPNETCORE_ENVIRONMENT=Development); a null value removes one.
    /// </summary>
    public static async Task<AppProcess> StartAsync(string connectionString, string adminPassword,
        IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        var appDll = Path.Combine(AppDirectory, "PhoneCrm.Web.dll");
        if (!File.Exists(appDll))
            throw new InvalidOperationException(
                $"{appDll} is missing: build the solution first (dotnet build PhoneCrm.sln -c {Configuration}).");

        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        // DOTNET_HOST_PATH is set by the dotnet CLI that runs the tests: the same runtime runs the app.
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(appDll);
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add($"http://127.0.0.1:{port}");
        startInfo.Environment["ConnectionStrings__Crm"] = connectionString;
        startInfo.Environment["Crm__AdminPassword"] = adminPassword;
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = null;
        startInfo.Environment["ASPNETCORE_URLS"] = null;
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            startInfo.Environment[key] = value;

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        if (!process.Start())
            throw new InvalidOperationException($"Could not start {appDll}.");
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await app.WaitUntilLiveAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.KillAsync();
            throw;
        }
    }

    /// <summary>A client for this app with its own cookie jar (one per simulated user).</summary>
    public HttpClient CreateClient(bool followRedirects = false)
    {
        var handler = new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = followRedirects,
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Waits for a console line the app prints (e.g. a generated admin password) and returns it.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> predicate, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var match = Output.FirstOrDefault(predicate);
            if (match is not null)
                return match;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No matching output line within {timeout}.\n{OutputTail()}");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Kills the process tree at once, like a crash or an OOM kill: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        KillNow();
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>SIGTERM, as systemd or docker stop would send; the host then shuts down gracefully.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_process.HasExited)
            return;
        if (SendSignal(_process.Id, SigTerm) != 0)
        {
            await KillAsync();
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_stopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _exited, 1) == 1)
            return;
        await StopAsync();
        AppDomain.CurrentDomain.ProcessExit -= _killOnProcessExit;
        _process.Dispose();
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string OutputTail(int lines = 60)
    {
        var output = Output;
        return string.Join('\n', output.Skip(Math.Max(0, output.Count - lines)));
    }

    private async Task WaitUntilLiveAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"The app exited with code {_process.ExitCode} before /health/live answered.\n{OutputTail()}");
            if (stopwatch.Elapsed > _startTimeout)
                throw new TimeoutException(
                    $"/health/live did not answer 200 within {_startTimeout.TotalSeconds} s.\n{OutputTail()}");
            try
            {
                using var response = await client.GetAsync("health/live", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One slow answer during start-up; ask again.
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_outputLock)
            _output.Add(line);
    }

    private void KillNow()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited, or disposed, in the meantime.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PhoneCrm.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No PhoneCrm.sln above {AppContext.BaseDirectory}.");
    }

    // .NET can send SIGKILL (Process.Kill) but not SIGTERM; libc's kill(2) can.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
