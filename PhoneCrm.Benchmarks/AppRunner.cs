using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PhoneCrm.Benchmarks;

/// <summary>The web app, built in Release, as a process of its own on a free loopback port.</summary>
public sealed class AppRunner : IAsyncDisposable
{
    public const string AdminPassword = "bench admin password 1";
    private readonly Process _process;

    private AppRunner(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <param name="settings">Extra configuration as environment variables (e.g. Crm__Sftp__StableCheckSeconds).</param>
    public static async Task<AppRunner> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var appDirectory = Path.Combine(RepositoryRoot(), "PhoneCrm.Web", "bin", "Release", "net10.0");
        var port = FreePort();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(appDirectory, "PhoneCrm.Web.dll"), "--urls", $"http://127.0.0.1:{port}" })
            startInfo.ArgumentList.Add(arg);
        startInfo.Environment["ConnectionStrings__Crm"] = connectionString;
        startInfo.Environment["Crm__AdminPassword"] = AdminPassword;
        startInfo.Environment["Crm__DefaultCulture"] = "en";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            startInfo.Environment[name] = value;
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the app.");
        // Drained so the app never blocks on a full pipe; its log is not part of the benchmark.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppRunner(process, new Uri($"http://127.0.0.1:{port}/"));
        await app.WaitUntilLiveAsync();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} during start-up.");
            try
            {
                if ((await client.GetAsync("health/live")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The app did not answer /health/live within 90 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PhoneCrm.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No PhoneCrm.sln above {AppContext.BaseDirectory}.");
    }
}
