using System.Collections.Concurrent;
using System.Diagnostics;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// Records every command Npgsql runs in this process (its tracing ActivitySource), so the import child can say
/// how long each of the importer's statements took without the importer knowing it is timed.
/// </summary>
public sealed class CommandTimings : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(DateTime Start, TimeSpan Duration, string Sql)> _commands = new();

    public CommandTimings()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Npgsql", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _commands.Enqueue((activity.StartTimeUtc, activity.Duration, SqlOf(activity))),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<(DateTime Start, TimeSpan Duration, string Sql)> Commands => [.. _commands.OrderBy(c => c.Start)];

    public void Dispose() => _listener.Dispose();

    private static string SqlOf(Activity activity) =>
        activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
}
