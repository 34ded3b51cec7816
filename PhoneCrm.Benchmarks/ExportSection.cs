namespace PhoneCrm.Benchmarks;

/// <summary>Measures 6: the export project (exactly a twentieth of the base, 1M at full size) to CSV and XLSX, each in a child process.</summary>
public sealed class ExportSection(BenchOptions options, ResultTable table)
{
    public async Task RunAsync(long exportProjectId)
    {
        foreach (var (format, target) in new[] { ("csv", Targets.CsvExportRowsPerSecond), ("xlsx", Targets.XlsxExportRowsPerSecond) })
        {
            var path = Path.Combine(options.WorkDirectory, $"phonecrm-bench-export.{format}");
            var result = await ChildProcess.RunAsync(ExportOneVerb.Name, format, exportProjectId.ToString(), path);
            var pass = result.RowsPerSecond >= target && result.PeakKilobytes < Targets.ExportPeakKb;
            table.Add(new ResultRow(
                $"{format.ToUpperInvariant()} export of {Format.Count(result.Rows)} rows (NumberExporter, {result.Detail}); peak memory {Format.Megabytes(result.PeakKilobytes)}",
                Format.Rate(result.RowsPerSecond), "", "", $">= {Format.Rate(target)}, < 300 MB peak", pass));
            File.Delete(path);
        }
    }
}
