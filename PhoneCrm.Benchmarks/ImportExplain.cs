using Npgsql;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// With --explain-imports the import children load auto_explain in their sessions, so the server log gets
/// EXPLAIN (ANALYZE, BUFFERS, WAL) of every import statement slower than 200 ms, nested ones (the counters'
/// trigger) included; the run then prints those plans. Timing instrumentation slows the import, so these runs
/// are for finding out why, not for the table.
/// </summary>
public static class ImportExplain
{
    private const string Variable = "PHONECRM_BENCH_EXPLAIN";

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>The server log bench.sh told us about, if any.</summary>
    public static string? LogPath => Environment.GetEnvironmentVariable("PHONECRM_BENCH_PGLOG") is { Length: > 0 } path && File.Exists(path) ? path : null;

    public static void Enable() => Environment.SetEnvironmentVariable(Variable, "1");

    /// <summary>
    /// The import child's connection: with auto_explain when enabled, and with PHONECRM_BENCH_IMPORT_OPTIONS
    /// (server settings such as "-c jit=off") to try a setting's effect on the importer without changing it.
    /// </summary>
    public static string ApplyTo(string connectionString)
    {
        var options = new List<string>();
        if (Enabled)
            options.Add("-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=200 -c auto_explain.log_analyze=on " +
                        "-c auto_explain.log_buffers=on -c auto_explain.log_wal=on -c auto_explain.log_nested_statements=on");
        if (Environment.GetEnvironmentVariable("PHONECRM_BENCH_IMPORT_OPTIONS") is { Length: > 0 } extra)
            options.Add(extra);
        return options.Count == 0
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { Options = string.Join(' ', options) }.ConnectionString;
    }

    public static long LogLength() => LogPath is { } path ? new FileInfo(path).Length : 0;

    /// <summary>The plans auto_explain wrote to the server log after <paramref name="offset"/>.</summary>
    public static string PlansSince(long offset)
    {
        if (LogPath is not { } path)
            return "(no server log: PHONECRM_BENCH_PGLOG is not set)";
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        var inPlan = false;
        while (reader.ReadLine() is { } line)
        {
            // A log entry starts with a timestamp; plan lines continue it with a tab.
            if (!line.StartsWith('\t') && !line.StartsWith(' '))
                inPlan = line.Contains("plan:", StringComparison.Ordinal);
            if (inPlan)
                lines.Add(line);
        }
        return string.Join('\n', lines);
    }
}
