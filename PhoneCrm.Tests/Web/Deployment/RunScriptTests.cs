using System.Diagnostics;
using Npgsql;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Deployment;

/// <summary>The README's run command from a clone in a folder only its owner may enter, as root's home and every
/// mktemp -d folder are: the local cluster must still come up (PostgreSQL runs as its own user).</summary>
public sealed class RunScriptTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Run_sh_provisions_its_database_from_a_clone_in_a_0700_folder()
    {
        var parent = Directory.CreateTempSubdirectory("phonecrm-0700-");
        File.SetUnixFileMode(parent.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var clone = Path.Combine(parent.FullName, "clone");
        CopyFolder(Path.Combine(AppProcess.RepositoryRoot, "scripts"), Path.Combine(clone, "scripts"));
        var port = FreePort.Next();
        string? clusterDir = null;
        try
        {
            var (exit, output) = await RunAsync(clone, "scripts/run.sh", new()
            {
                ["PHONECRM_DB_ONLY"] = "1",
                ["PHONECRM_PG_PORT"] = port.ToString(),
                ["ConnectionStrings__Crm"] = null,
            });
            clusterDir = (await RunAsync(clone, "-c", new(), "source scripts/lib.sh && local_cluster_dir")).Output.Trim();

            Assert.True(exit == 0, output);
            Assert.Contains($"Using the local PostgreSQL cluster on 127.0.0.1:{port}", output);
            var password = (await File.ReadAllTextAsync(Path.Combine(clone, ".local", "postgres-password"))).Trim();
            await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Database=phonecrm;Username=postgres;Password={password}");
            await connection.OpenAsync();
            Assert.Equal(1, (int)(await new NpgsqlCommand("SELECT 1", connection).ExecuteScalarAsync())!);
        }
        finally
        {
            await RunAsync(clone, "scripts/stop-local-db.sh", new());
            if (clusterDir is { Length: > 0 } && !clusterDir.StartsWith(clone, StringComparison.Ordinal))
                Directory.Delete(Path.GetDirectoryName(clusterDir)!, recursive: true);
            parent.Delete(recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string folder, string script, Dictionary<string, string?> environment,
        string? command = null)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        if (command is not null)
            start.ArgumentList.Add(command);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
