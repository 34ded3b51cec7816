using System.Diagnostics;
using System.Text;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// Measures 2 (CSV import beside the floor and the plain way) and 3 (XLSX import), both into the large project
/// while the base holds everything. A CHECKPOINT before each keeps one run's dirty pages from being written
/// during the next.
/// </summary>
public sealed class ImportSection(BenchDatabase database, BenchOptions options, string connectionString, ResultTable table)
{
    public string PhaseReport { get; private set; } = "";

    /// <returns>The id of the copy of the large project, left for the permanent delete.</returns>
    public async Task<long> RunAsync(long largeId, Seeder.Result seed)
    {
        var rows = options.ImportRows;
        var csvPath = Path.Combine(options.WorkDirectory, $"phonecrm-bench-{rows}.csv");
        var xlsxPath = Path.Combine(options.WorkDirectory, $"phonecrm-bench-{rows}.xlsx");
        var started = Stopwatch.GetTimestamp();
        ImportFileWriter.WriteCsv(csvPath, new ImportFileRows(seed.Sizes[0], seed.Offsets[0], seed.Sizes[0]).Generate(rows));
        ImportFileWriter.WriteXlsx(xlsxPath, new ImportFileRows(seed.Sizes[0], seed.Offsets[0], seed.Sizes[0] + rows).Generate(rows));
        table.Info($"import files written ({Format.Count(rows)} rows each: CSV {new FileInfo(csvPath).Length / 1e6:0} MB, XLSX {new FileInfo(xlsxPath).Length / 1e6:0} MB)",
            Format.Seconds(Stopwatch.GetElapsedTime(started).TotalSeconds));

        started = Stopwatch.GetTimestamp();
        var baselines = new ImportBaselines(database, connectionString);
        var copyId = await baselines.CopyProjectAsync(largeId, "Large project (copy)");
        table.Info($"copy of the large project for the plain way and the delete (not a measure)", Format.Seconds(Stopwatch.GetElapsedTime(started).TotalSeconds));

        await database.ExecuteAsync("CHECKPOINT");
        var floor = rows / await baselines.CopyFloorSecondsAsync(csvPath);
        await database.ExecuteAsync("CHECKPOINT");
        var plain = rows / await baselines.PlainWaySecondsAsync(csvPath, copyId);
        await database.ExecuteAsync("CHECKPOINT");
        var logOffset = ImportExplain.LogLength();
        var csv = await ChildProcess.RunAsync(ImportOneVerb.Name, largeId.ToString(), csvPath);
        if (ImportExplain.Enabled)
            Console.WriteLine("\n### auto_explain of the CSV import\n\n" + ImportExplain.PlansSince(logOffset) + "\n");

        var label = $"{Format.Count(rows)} rows into the {Format.Count(seed.Sizes[0])}-number project";
        table.Add(new ResultRow($"CSV import of {label} (NumberImporter end to end, {csv.Detail})",
            Format.Rate(csv.RowsPerSecond), "plain way " + Format.Rate(plain), Format.Ratio(csv.RowsPerSecond / plain),
            ">= 150,000 rows/s and >= 2x plain",
            csv.RowsPerSecond >= Targets.CsvImportRowsPerSecond && csv.RowsPerSecond / plain >= Targets.CsvImportOverPlainWay));
        table.Add(new ResultRow("floor: psql \\copy of the same file into an unindexed table", Format.Rate(floor), "",
            $"import = {Format.Ratio(csv.RowsPerSecond / floor)} of it", "", null));
        table.Add(new ResultRow("plain way: \\copy to staging + one INSERT ... ON CONFLICT DO NOTHING into an indexed copy of the partition (rolled back)",
            Format.Rate(plain), "", "", "", null));
        table.Add(new ResultRow("peak memory (VmHWM) of the process running the CSV import", Format.Megabytes(csv.PeakKilobytes),
            "", "", "< 400 MB", csv.PeakKilobytes < Targets.ImportPeakKb));

        await database.ExecuteAsync("CHECKPOINT");
        var xlsx = await ChildProcess.RunAsync(ImportOneVerb.Name, largeId.ToString(), xlsxPath);
        table.Add(new ResultRow($"XLSX import of {label} ({xlsx.Detail})", Format.Rate(xlsx.RowsPerSecond), "", "",
            ">= 50,000 rows/s", xlsx.RowsPerSecond >= Targets.XlsxImportRowsPerSecond));
        table.Add(new ResultRow("peak memory (VmHWM) of the process running the XLSX import", Format.Megabytes(xlsx.PeakKilobytes),
            "", "", "< 400 MB", xlsx.PeakKilobytes < Targets.ImportPeakKb));

        // The importer's client side alone (file reading + normalising, no database), to place the COPY phase.
        foreach (var (format, path) in new[] { ("CSV", csvPath), ("XLSX", xlsxPath) })
        {
            var parse = await ChildProcess.RunAsync(ParseOnlyVerb.Name, path);
            table.Info($"{format} read + normalise alone, no database (one core; {parse.Detail})", Format.Rate(parse.RowsPerSecond));
        }

        PhaseReport = Phases(csv, xlsx);
        File.Delete(csvPath);
        File.Delete(xlsxPath);
        return copyId;
    }

    private static string Phases(ChildResult csv, ChildResult xlsx)
    {
        var text = new StringBuilder("### Import phases (wall time of each statement, in order)\n\n| phase | CSV | XLSX |\n|---|---|---|\n");
        for (var i = 0; i < Math.Max(csv.Phases.Count, xlsx.Phases.Count); i++)
        {
            var name = i < csv.Phases.Count ? csv.Phases[i].Phase : xlsx.Phases[i].Phase;
            var a = i < csv.Phases.Count ? Format.Ms(csv.Phases[i].Milliseconds) : "";
            var b = i < xlsx.Phases.Count ? Format.Ms(xlsx.Phases[i].Milliseconds) : "";
            text.AppendLine($"| {name} | {a} | {b} |");
        }
        text.AppendLine($"| **total (RunAsync)** | {Format.Seconds(csv.Seconds)} | {Format.Seconds(xlsx.Seconds)} |");
        return text.ToString();
    }
}
