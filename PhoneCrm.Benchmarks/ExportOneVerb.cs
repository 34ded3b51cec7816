using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using PhoneCrm.Data;
using PhoneCrm.Data.Numbers;

namespace PhoneCrm.Benchmarks;

/// <summary>The hidden verb <c>export-one csv|xlsx PROJECT FILE</c>: one export through NumberExporter in a process of its own.</summary>
public static class ExportOneVerb
{
    public const string Name = "export-one";

    public static async Task<int> RunAsync(string connectionString, string[] args)
    {
        var format = args[0];
        var filter = new NumberFilter(long.Parse(args[1]));
        var path = args[2];
        await using var dataSource = CrmDataSource.Create(connectionString);
        var exporter = new NumberExporter(dataSource);

        // In the app the data source is opened at start-up (migrations, readiness) and its pool stays warm; this
        // fresh process's first connection (authentication, Npgsql's type loading and first compilation) costs
        // ~150 ms, a third of a --quick export, so it is timed apart and shown, not counted as export time.
        var opening = Stopwatch.GetTimestamp();
        await using (await dataSource.OpenConnectionAsync())
        {
        }
        var firstConnectionMs = Stopwatch.GetElapsedTime(opening).TotalMilliseconds;

        var started = Stopwatch.GetTimestamp();
        long rows;
        if (format == "csv")
        {
            await using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            rows = await exporter.WriteCsvAsync(filter, output, null, CancellationToken.None);
        }
        else
        {
            rows = await exporter.WriteXlsxAsync(filter, path, null, CancellationToken.None);
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var result = new ChildResult(rows, seconds, PeakMemory.OfSelfKb(), $"{new FileInfo(path).Length / 1e6:0} MB file, first connection {firstConnectionMs:0} ms apart", []);
        Console.WriteLine(ChildResult.LinePrefix + JsonSerializer.Serialize(result));
        return 0;
    }
}
