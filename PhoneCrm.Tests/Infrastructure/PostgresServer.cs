using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL 15 cluster on a free loopback port, made in a fresh folder and deleted afterwards.
/// The whole test run shares one (<see cref="GetSharedAsync"/>): xunit 2 has no assembly fixtures, and a
/// collection fixture would start one cluster per collection. The shared cluster stops on ProcessExit; a
/// small watchdog shell also stops it if the test host dies without running ProcessExit (crash, SIGKILL),
/// so no postmaster outlives the run.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    public const string SuperUser = "postgres";
    private const string InstallHint = "Install the PostgreSQL 15 server: apt-get install -y postgresql";

    private static readonly Lazy<Task<PostgresServer>> _shared =
        new(() => StartAsync(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _rootDirectory;
    private readonly string _dataDirectory;
    private readonly string _password;
    private readonly Process _watchdog;
    private int _stopped;

    private PostgresServer(string rootDirectory, string dataDirectory, int port, string password, Process watchdog)
    {
        _rootDirectory = rootDirectory;
        _dataDirectory = dataDirectory;
        _password = password;
        _watchdog = watchdog;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>The folder holding data/, the Unix socket and postgres.log (useful when a test fails).</summary>
    public string RootDirectory => _rootDirectory;

    public string LogFile => Path.Combine(_rootDirectory, "postgres.log");

    // PostgreSQL refuses to run as root, so as root every server binary runs as the postgres user.
    private static bool RunsAsPostgresUser => Environment.IsPrivilegedProcess;

    /// <summary>The one cluster of this test run, started on first use.</summary>
    public static Task<PostgresServer> GetSharedAsync() => _shared.Value;

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = SuperUser,
        Password = _password,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Starts a cluster of its own; most tests want <see cref="GetSharedAsync"/> instead.</summary>
    public static Task<PostgresServer> StartAsync(CancellationToken cancellationToken) =>
        Task.Run(() => Start(cancellationToken), cancellationToken);

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private static PostgresServer Start(CancellationToken cancellationToken)
    {
        foreach (var binary in new[] { "initdb", "pg_ctl", "postgres" })
        {
            if (!File.Exists(Path.Combine(BinDirectory, binary)))
                throw new InvalidOperationException($"{Path.Combine(BinDirectory, binary)} is missing. {InstallHint}");
        }

        // PHONECRM_TEST_PGDATA moves the cluster off /tmp (e.g. onto a faster disk); a fresh subfolder is
        // still made there, so nothing the variable points at is ever deleted.
        var parent = Environment.GetEnvironmentVariable("PHONECRM_TEST_PGDATA") is { Length: > 0 } configured
            ? configured
            : Path.GetTempPath();
        Directory.CreateDirectory(parent);
        var root = Path.Combine(parent, "phonecrm-pg-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        try
        {
            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var passwordFile = Path.Combine(root, "pwfile");
            File.WriteAllText(passwordFile, password + "\n");
            if (RunsAsPostgresUser)
                Run("chown", ["-R", $"{SuperUser}:{SuperUser}", root], root, cancellationToken);

            RunServerBinary("initdb", [
                "-D", data, "-U", SuperUser, "-E", "UTF8", "--locale=C.UTF-8",
                "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}",
                "--no-sync", "--no-instructions",
            ], root, cancellationToken);
            File.Delete(passwordFile);

            var port = StartPostmaster(root, data, cancellationToken);
            return new PostgresServer(root, data, port, password, StartWatchdog(root, data));
        }
        catch
        {
            TryDeleteDirectory(root);
            throw;
        }
    }

    private static int StartPostmaster(string root, string data, CancellationToken cancellationToken)
    {
        // A free port can be taken between FreePort.Next() and the bind, so a lost race is retried.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            // Durability is worthless for a throwaway cluster; max_connections covers many per-class
            // databases with pools plus app processes; partition-per-project schemas lock many relations.
            var options = string.Join(' ',
                "-c listen_addresses=127.0.0.1", $"-p {port}", $"-k \"{root}\"",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
                "-c max_connections=300", "-c shared_buffers=256MB", "-c max_locks_per_transaction=256");
            try
            {
                RunServerBinary("pg_ctl", [
                    "-D", data, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60", "-o", options, "start",
                ], root, cancellationToken);
                return port;
            }
            catch (InvalidOperationException) when (attempt < 3 && ReadLog(root).Contains("already in use"))
            {
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"{e.Message}\n--- postgres.log ---\n{ReadLog(root)}", e);
            }
        }
    }

    private static Process StartWatchdog(string root, string data)
    {
        // Arguments, not string splicing, so paths need no quoting. The watchdog's stdio are our own pipes
        // (then /dev/null), never the test host's, so the test runner does not wait for it.
        var startInfo = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add("""
            exec </dev/null >/dev/null 2>&1
            owner=$1; root=$2; shift 2
            while kill -0 "$owner"; do sleep 1; done
            "$@"
            rm -rf -- "$root"
            """);
        startInfo.ArgumentList.Add("phonecrm-pg-watchdog");
        startInfo.ArgumentList.Add(Environment.ProcessId.ToString());
        startInfo.ArgumentList.Add(root);
        foreach (var argument in ServerCommand("pg_ctl", ["-D", data, "-m", "immediate", "stop"]))
            startInfo.ArgumentList.Add(argument);
        return Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the watchdog shell.");
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        try
        {
            // Immediate: the data is thrown away next, so a clean shutdown checkpoint would be wasted time.
            RunServerBinary("pg_ctl", ["-D", _dataDirectory, "-m", "immediate", "stop"], _rootDirectory,
                CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Already stopped (or never fully started); deleting the folder is what still matters.
        }
        TryDeleteDirectory(_rootDirectory);
        try
        {
            _watchdog.Kill();
        }
        catch (InvalidOperationException)
        {
            // The watchdog has already exited.
        }
        _watchdog.Dispose();
    }

    private static string[] ServerCommand(string binary, string[] arguments) => RunsAsPostgresUser
        ? ["runuser", "-u", SuperUser, "--", Path.Combine(BinDirectory, binary), .. arguments]
        : [Path.Combine(BinDirectory, binary), .. arguments];

    private static void RunServerBinary(string binary, string[] arguments, string workingDirectory,
        CancellationToken cancellationToken)
    {
        var command = ServerCommand(binary, arguments);
        Run(command[0], command[1..], workingDirectory, cancellationToken);
    }

    private static string Run(string fileName, string[] arguments, string workingDirectory,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user must be able to enter the working directory; the test's bin folder may not allow it.
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        var commandLine = $"{fileName} {string.Join(' ', arguments)}";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {commandLine}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{commandLine} did not finish within 90 s.");
        }
        var output = stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{commandLine} exited with {process.ExitCode}:\n{output}");
        return output;
    }

    private static string ReadLog(string root)
    {
        var log = Path.Combine(root, "postgres.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no log written)";
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
