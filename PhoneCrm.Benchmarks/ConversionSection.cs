using System.Diagnostics;
using PhoneCrm.Core.SoftPhone;
using PhoneCrm.Data.Conversions;
using PhoneCrm.Data.SoftPhone;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// The conversion analytics' figures on the seeded base with its call history: the full rebuild, one job run
/// after 10,000 new events stored the webhook's way, a run with nothing queued, and the dashboards' reads;
/// the largest project's rollup is checked against the exact aggregate after the rebuild and after the run.
/// </summary>
public sealed class ConversionSection(BenchDatabase database, BenchOptions options, ResultTable table)
{
    private const int NewEvents = 10_000;
    private const int BatchSize = 1_000; // the webhook's largest batch
    private static readonly string?[] _results = [null, "no_answer", "busy", "callback", "sale", "reached"];
    private static readonly CallEventType[] _types = [CallEventType.Ended, CallEventType.Missed, CallEventType.Answered];

    public async Task RunAsync(Seeder.Result seed, CancellationToken cancellationToken = default)
    {
        var largeId = seed.ProjectIds[0];
        var history = await new CallHistorySeeder(database).SeedAsync(seed.ProjectIds, seed.Sizes, cancellationToken);
        table.Info($"call history: {Format.Count(history.Events)} events on {Format.Count(history.Numbers)} numbers (SQL in bulk, stored as CallEventStore stores them)",
            $"{Format.Seconds(history.InsertSeconds)} ({history.Events / history.InsertSeconds:N0} events/s)");
        table.Info("call history: VACUUM (ANALYZE) numbers and call tables", Format.Seconds(history.VacuumSeconds));

        var rollup = new ConversionRollup(database.DataSource);
        var rebuild = await rollup.RebuildAsync(null, cancellationToken);
        var dailyRows = await database.ScalarAsync<long>("SELECT count(*) FROM conversion_daily");
        table.Add(new ResultRow($"conversion rollup: full rebuild over {Format.Count(options.Numbers)} numbers ({Format.Count(dailyRows)} daily rows)",
            Format.Seconds(rebuild.TotalSeconds), "", "", "< 60 s", rebuild.TotalSeconds < Targets.ConversionRebuildSeconds));
        // As autovacuum would within a minute of the rebuild's deletes and inserts; keeps it out of the measurements.
        await database.ExecuteAsync("VACUUM (ANALYZE) conversion_daily, conversion_changes, conversion_projects", cancellationToken);
        await CheckDriftAsync(largeId, "after the rebuild", cancellationToken);

        // Warm-up: the job runs every minute in a process where this code is compiled and connections are pooled.
        await rollup.RunAsync(cancellationToken);
        var ingestSeconds = await IngestAsync(cancellationToken);
        var queued = await database.ScalarAsync<long>("SELECT count(*) FROM conversion_changes");
        var projects = await database.ScalarAsync<long>("SELECT count(DISTINCT project_id) FROM conversion_changes");
        table.Info($"{Format.Count(NewEvents)} new call events through CallEventStore (accepted, then linked), batches of {Format.Count(BatchSize)} ({Format.Count(queued)} queued changes in {projects} projects)",
            Format.Seconds(ingestSeconds));

        var (run, runMs) = await TimedRunAsync(rollup, cancellationToken);
        table.Add(new ResultRow($"conversion rollup: incremental run (the job's) after {Format.Count(NewEvents)} new events ({Format.Count(run.FoldedChanges)} changes folded{(run.Skipped ? ", SKIPPED" : "")})",
            Format.Ms(runMs), "", "", "< 1 s", !run.Skipped && run.RebuiltProjects == 0 && runMs < Targets.ConversionIncrementalMs));
        var (empty, emptyMs) = await TimedRunAsync(rollup, cancellationToken);
        table.Info($"conversion rollup: incremental run with an empty queue ({empty.FoldedChanges} changes folded)", Format.Ms(emptyMs));
        await CheckDriftAsync(largeId, "after the incremental run", cancellationToken);

        await new ConversionDashboardBench(database, table).RunAsync(largeId, seed.ProjectIds, cancellationToken);
    }

    private static async Task<(ConversionRollupRun Run, double Ms)> TimedRunAsync(ConversionRollup rollup, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var run = await rollup.RunAsync(cancellationToken);
        return (run, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Zero groups must differ; a difference is a finding, printed with its first groups.</summary>
    private async Task CheckDriftAsync(long projectId, string when, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var drifts = await new ConversionDriftCheck(database.DataSource).CheckAsync(projectId, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        foreach (var drift in drifts.Take(5))
            Console.WriteLine($"  drift: {drift.Key}: exact {drift.Exact}, rollup {drift.Rollup}");
        table.Add(new ResultRow($"conversion drift check of the largest project {when} (groups that differ; check took {Format.Seconds(seconds)})",
            Format.Count(drifts.Count), "", "", "0", drifts.Count == 0));
    }

    /// <summary>Single events about numbers spread over the base by their projects' sizes, naming no project, as SoftPhone sends them.</summary>
    private async Task<double> IngestAsync(CancellationToken cancellationToken)
    {
        var percent = Math.Min(100.0, NewEvents * 300.0 / options.Numbers).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var phones = new List<string>();
        // Sampled, then shuffled: a LIMIT straight on the sample would stop in the first partitions.
        await using (var command = database.DataSource.CreateCommand(
            $"SELECT phone FROM (SELECT phone FROM numbers TABLESAMPLE SYSTEM ({percent})) s ORDER BY random() LIMIT {NewEvents}"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                phones.Add(reader.GetString(0));
        }
        var random = new Random(42);
        var run = Guid.NewGuid().ToString("N")[..8];
        var events = Enumerable.Range(0, NewEvents).Select(i => new CallEvent($"conv-{run}-{i}", _types[random.Next(_types.Length)],
            CallDirection.Outbound, phones[i % phones.Count], phones[i % phones.Count], "bench", null,
            DateTimeOffset.UtcNow.AddSeconds(-30), 25, _results[random.Next(_results.Length)], null)).ToList();

        var store = new CallEventStore(database.DataSource);
        var started = Stopwatch.GetTimestamp();
        foreach (var batch in events.Chunk(BatchSize))
        {
            await store.AcceptAsync(batch, cancellationToken);
            await store.LinkAllPendingAsync(BatchSize, cancellationToken);
        }
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
