using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PhoneCrm.Data;
using PhoneCrm.Data.Conversions;
using PhoneCrm.Data.Migrations;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// One benchmark run, in an order where each figure is taken on the state the issue describes: queries on the
/// freshly seeded base, the imports into the large project while the base holds everything, exports, and the
/// permanent delete of a copy of the large project last among the database figures.
/// </summary>
public sealed class BenchmarkRun(BenchOptions options, string connectionString)
{
    private readonly ResultTable _table = new();

    public async Task<int> RunAsync()
    {
        var total = Stopwatch.StartNew();
        // The app's own data source settings (auto-prepared statements, generic plans), so the figures are the app's.
        await using var dataSource = CrmDataSource.Create(connectionString);
        var database = new BenchDatabase(dataSource);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        Directory.CreateDirectory(options.WorkDirectory);
        if (options.ExplainImports)
            ImportExplain.Enable();

        Console.WriteLine("# PhoneCrm benchmark\n");
        Console.WriteLine(await MachineInfo.DescribeAsync(dataSource, options.WorkDirectory));
        Console.WriteLine($"- Run: {Format.Count(options.Numbers)} numbers over {options.Projects} projects (large project " +
            $"{Format.Count(options.LargeProjectSize)}, export project {Format.Count(options.ExportProjectSize)}), " +
            $"import files of {Format.Count(options.ImportRows)} rows{(options.Quick ? ", --quick" : "")}");
        Console.WriteLine("\n" + Targets.Describe());

        Step("1. seeding");
        var seed = await new Seeder(database, options).SeedAsync(CancellationToken.None);
        _table.Info($"seed {Format.Count(options.Numbers)} numbers / {options.Projects} projects (INSERT ... SELECT generate_series)",
            $"{Format.Seconds(seed.InsertSeconds)} ({Format.Rate(options.Numbers / seed.InsertSeconds)})");
        _table.Info("seed: VACUUM (ANALYZE) + ANALYZE", Format.Seconds(seed.VacuumSeconds));
        var largeId = seed.ProjectIds[0];
        if (options.RunsDatabaseSections || options.RunsSoftPhone)
            await CatchUpConversionRollupAsync(dataSource, "after seeding");

        var imports = new ImportSection(database, options, connectionString, _table);
        if (options.RunsDatabaseSections)
        {
            Step("4-5. keyset pages, OFFSET pages, lookups");
            await new QuerySection(database, options, _table).RunAsync(largeId, seed);

            Step("2-3. imports");
            var copyId = await imports.RunAsync(largeId, seed);

            Step("6. exports");
            await new ExportSection(options, _table).RunAsync(seed.ProjectIds[1]);

            Step("7. permanent delete");
            var copySize = await database.ScalarAsync<long>($"SELECT sum(n)::bigint FROM number_counts WHERE project_id = {copyId}");
            var started = Stopwatch.GetTimestamp();
            await database.DeleteProjectPermanentlyAsync(copyId);
            var deleteSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            _table.Add(new ResultRow($"permanent delete of a {Format.Count(copySize)}-number project (detach + drop partition, delete row)",
                Format.Seconds(deleteSeconds), "", "", "< 1 s", deleteSeconds < Targets.PermanentDeleteSeconds));

            if (options.Browser)
            {
                Step("8. page switch in the browser");
                await MeasureBrowserAsync(largeId);
            }
        }

        if (options.RunsSoftPhone)
        {
            // The imports and the delete above left rollup work that the app's job would otherwise do mid-measurement.
            if (options.RunsDatabaseSections)
                await CatchUpConversionRollupAsync(dataSource, "before the webhook");
            Step("9. SoftPhone webhook and toasts");
            await new SoftPhoneSection(database, options, connectionString, _table).RunAsync();
        }

        if (options.RunsSftp)
        {
            Step("10. SFTP pull vs direct import");
            await new SftpSection(database, options, connectionString, _table).RunAsync();
        }

        if (options.RunsConversion)
        {
            Step("11. conversion rollups");
            await new ConversionSection(database, options, _table).RunAsync(seed);
        }

        Console.WriteLine($"\n## Results ({total.Elapsed.TotalMinutes:0.0} min in all)\n");
        Console.WriteLine(_table.ToMarkdown());
        Console.WriteLine(imports.PhaseReport);
        Console.WriteLine($"Load average (1, 5, 15 min) at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{_table.Failures} measure(s) missed their target.");
        return 0;
    }

    private async Task MeasureBrowserAsync(long projectId)
    {
        try
        {
            await using var app = await AppRunner.StartAsync(connectionString);
            var (latencies, pageSize) = await BrowserBench.MeasureAsync(app, projectId);
            _table.Add(new ResultRow($"page switch in Chromium (\"Older\", {pageSize} rows, {latencies.Count} clicks): p50 {Format.Ms(latencies.P50)}, p95",
                Format.Ms(latencies.P95), "", "", "p95 < 150 ms", latencies.P95 < Targets.PageSwitchP95Ms));
            _table.Info("app process peak memory (VmHWM) after the page switches", Format.Megabytes(PeakMemory.PeakKb(app.ProcessId)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _table.Add(new ResultRow("page switch in Chromium", "not measured: " + e.Message.Split('\n')[0], "", "", "p95 < 150 ms", null));
        }
    }

    /// <summary>
    /// Does what the app's conversion rollup job would do at its next run (at its first, rebuild every project it
    /// does not hold yet), so that no app started for a measurement spends its measured seconds on it.
    /// </summary>
    private async Task CatchUpConversionRollupAsync(NpgsqlDataSource dataSource, string when)
    {
        var rollup = Stopwatch.StartNew();
        await new ConversionRollup(dataSource).RunAsync(CancellationToken.None);
        _table.Info($"conversion rollup caught up {when} (not a measure)", Format.Seconds(rollup.Elapsed.TotalSeconds));
    }

    public static void Step(string name) => Console.WriteLine($"\n[{DateTime.Now:HH:mm:ss}] {name}");
}
