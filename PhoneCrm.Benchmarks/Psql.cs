using System.Diagnostics;
using Npgsql;

namespace PhoneCrm.Benchmarks;

/// <summary>Runs a psql script against the benchmark database and returns its wall time in seconds.</summary>
public static class Psql
{
    public static async Task<double> RunScriptAsync(string connectionString, string script)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var scriptPath = Path.Combine(Path.GetTempPath(), $"phonecrm-bench-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(scriptPath, script);
        try
        {
            var startInfo = new ProcessStartInfo("psql") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", builder.Host!, "-p", builder.Port.ToString(),
                         "-U", builder.Username!, "-d", builder.Database!, "-f", scriptPath })
                startInfo.ArgumentList.Add(arg);
            startInfo.Environment["PGPASSWORD"] = builder.Password;
            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start psql.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"psql exited with {process.ExitCode}: {await errors}{await output}");
            return seconds;
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }

    /// <summary>A path as a psql/SQL string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}
