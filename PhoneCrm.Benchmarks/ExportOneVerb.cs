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

        var started = Stopwatch.GetTimestamp();
        long rows;
        if (format == "csv")
        {
            await using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            rows = await exporter.WriteCsvAsync(filter, output, CancellationToken.None);
        }
        else
        {
            rows = await exporter.WriteXlsxAsync(filter, path, CancellationToken.None);
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var result = new ChildResult(rows, seconds, PeakMemory.OfSelfKb(), $"{new FileInfo(path).Length / 1e6:0} MB file", []);
        Console.WriteLine(ChildResult.LinePrefix + JsonSerializer.Serialize(result));
        return 0;
    }
}
