using System.Diagnostics;
using PhoneCrm.Core.Conversions;
using PhoneCrm.Data.Conversions;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// The conversion pages' reads, as ConversionsService makes them: a project's page (daily trend and totals,
/// supplier and geo breakdowns, last run) and the overview (every project's totals). The project access check
/// (one primary-key read through EF) is left out. Timed after two warm-up loads, like a page reloaded.
/// </summary>
public sealed class ConversionDashboardBench(BenchDatabase database, ResultTable table)
{
    private const int Repetitions = 20;

    public async Task RunAsync(long projectId, IReadOnlyList<long> projectIds, CancellationToken cancellationToken)
    {
        var queries = new ConversionQueries(database.DataSource);
        var first = DateOnly.FromDateTime(await database.ScalarAsync<DateTime>($"SELECT min(day)::timestamp FROM conversion_daily WHERE project_id = {projectId}", cancellationToken));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ranges = new[] { ($"whole range ({today.DayNumber - first.DayNumber + 1} days)", first), ("last 30 days", today.AddDays(-29)) };

        foreach (var (name, from) in ranges)
        {
            var query = new ConversionQuery([projectId], from, today);
            var parts = new Latencies[4];
            for (var p = 0; p < parts.Length; p++)
                parts[p] = new Latencies();
            await ProjectPageAsync(queries, query, null, cancellationToken);
            await ProjectPageAsync(queries, query, null, cancellationToken);
            var page = await Latencies.MeasureAsync(Repetitions, _ => ProjectPageAsync(queries, query, parts, cancellationToken));
            table.Add(new ResultRow($"conversion page of the largest project, {name}, {Repetitions} loads (p50 {Format.Ms(page.P50)}; day {Format.Ms(parts[0].P50)}, " +
                $"supplier {Format.Ms(parts[1].P50)}, geo {Format.Ms(parts[2].P50)}, last run {Format.Ms(parts[3].P50)}): p95",
                Format.Ms(page.P95), "", "", "< 300 ms", page.P95 < Targets.ConversionDashboardMs));
        }

        foreach (var (name, from) in ranges)
        {
            var query = new ConversionQuery(projectIds, from, today);
            await queries.GroupedAsync(query, ConversionGrouping.Project, cancellationToken);
            var overview = await Latencies.MeasureAsync(Repetitions, async _ =>
            {
                await queries.GroupedAsync(query, ConversionGrouping.Project, cancellationToken);
                await queries.LastRunAsync(cancellationToken);
            });
            table.Add(new ResultRow($"conversion overview of {projectIds.Count} projects, {name}, {Repetitions} loads (p50 {Format.Ms(overview.P50)}): p95",
                Format.Ms(overview.P95), "", "", "< 300 ms", overview.P95 < Targets.ConversionDashboardMs));
        }
    }

    /// <summary>ConversionsService.ProjectAsync's reads, in its order; each part's time goes to <paramref name="parts"/>.</summary>
    private static async Task ProjectPageAsync(ConversionQueries queries, ConversionQuery query, Latencies[]? parts, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var daily = await queries.GroupedAsync(query, ConversionGrouping.Day, cancellationToken);
        _ = ConversionFigures.Sum(daily.Select(d => d.Figures));
        parts?[0].Add(Lap(ref started));
        await queries.GroupedAsync(query, ConversionGrouping.Supplier, cancellationToken);
        parts?[1].Add(Lap(ref started));
        await queries.GroupedAsync(query, ConversionGrouping.Geo, cancellationToken);
        parts?[2].Add(Lap(ref started));
        await queries.LastRunAsync(cancellationToken);
        parts?[3].Add(Lap(ref started));
    }

    private static double Lap(ref long started)
    {
        var now = Stopwatch.GetTimestamp();
        var ms = Stopwatch.GetElapsedTime(started, now).TotalMilliseconds;
        started = now;
        return ms;
    }
}
