using System.Text.RegularExpressions;
using Npgsql;

namespace PhoneCrm.Benchmarks;

/// <summary>The machine and server the figures were measured on, printed above the table.</summary>
public static partial class MachineInfo
{
    private static readonly string[] _settings =
    [
        "server_version", "shared_buffers", "work_mem", "maintenance_work_mem", "max_wal_size", "checkpoint_timeout",
        "synchronous_commit", "fsync", "full_page_writes", "wal_compression", "max_parallel_workers_per_gather", "jit",
    ];

    public static async Task<string> DescribeAsync(NpgsqlDataSource dataSource, string workDirectory)
    {
        var lines = new List<string>
        {
            $"- CPU: {Environment.ProcessorCount} cores ({CpuModel()})",
            $"- RAM: {MemInfoKb("MemTotal") / 1024 / 1024.0:0.0} GB",
            $"- Disk where the cluster and files live: {DiskFree(workDirectory)}",
            $"- Load average (1, 5, 15 min) at the start: {File.ReadAllText("/proc/loadavg").Split(' ')[..3].Aggregate((a, b) => a + ", " + b)}",
            $"- .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
        };
        var values = new List<string>();
        foreach (var setting in _settings)
        {
            await using var command = dataSource.CreateCommand($"SHOW {setting}");
            values.Add($"{setting}={await command.ExecuteScalarAsync()}");
        }
        lines.Add("- PostgreSQL: " + string.Join(", ", values));
        return string.Join('\n', lines);
    }

    private static string CpuModel()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return model?.Split(':', 2)[1].Trim() ?? "unknown model";
    }

    public static long MemInfoKb(string key)
    {
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(Digits().Match(line).Value);
    }

    private static string DiskFree(string path)
    {
        var drive = new DriveInfo(Path.GetFullPath(path));
        return $"{drive.AvailableFreeSpace / 1e9:0} GB free of {drive.TotalSize / 1e9:0} GB ({drive.Name})";
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
