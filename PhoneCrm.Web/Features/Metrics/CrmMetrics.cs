using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace PhoneCrm.Web.Features.Metrics;

/// <summary>
/// The app's own measurements, on the BCL's <see cref="Meter"/> API: recording them needs no metrics library, and
/// prometheus-net's meter adapter exports them as <c>phonecrm_*</c> beside ASP.NET Core's and Npgsql's own meters.
/// Tags are low-cardinality codes (an outcome, a format, a reason), never ids or names.
/// </summary>
public static class CrmMetrics
{
    public const string MeterName = "PhoneCrm";

    private static readonly Meter _meter = new(MeterName);

    private static readonly Counter<long> _imports = _meter.CreateCounter<long>("imports", description: "Imports finished, by outcome.");
    private static readonly Counter<long> _importRows = _meter.CreateCounter<long>("import.rows", description: "Rows of finished imports, by what became of them.");
    private static readonly Histogram<double> _importSeconds = _meter.CreateHistogram<double>("import.duration", "s", "How long an import ran.");
    private static readonly Histogram<double> _importRowsPerSecond = _meter.CreateHistogram<double>("import.rows_per_second", description: "Rows read per second by each finished import.");
    private static readonly Counter<long> _exports = _meter.CreateCounter<long>("exports", description: "Exports sent, by what and format.");
    private static readonly Counter<long> _exportRows = _meter.CreateCounter<long>("export.rows", description: "Numbers written by number exports, by format.");
    private static readonly Counter<long> _webhookEvents = _meter.CreateCounter<long>("webhook.events", description: "SoftPhone call events received, stored and seen before.");
    private static readonly Counter<long> _webhookRefused = _meter.CreateCounter<long>("webhook.refused", description: "SoftPhone webhook requests refused, by reason.");
    private static readonly Counter<long> _toasts = _meter.CreateCounter<long>("toasts", description: "Call toasts sent to open browsers.");
    private static readonly Counter<long> _sftpPulls = _meter.CreateCounter<long>("sftp.pulls", description: "SFTP pulls finished, by status.");
    private static readonly Histogram<double> _sftpPullSeconds = _meter.CreateHistogram<double>("sftp.pull.duration", "s", "How long an SFTP pull ran.");
    private static readonly Counter<long> _jobRuns = _meter.CreateCounter<long>("job.runs", description: "Quartz job runs, by job and outcome.");
    private static readonly Histogram<double> _jobSeconds = _meter.CreateHistogram<double>("job.duration", "s", "How long a Quartz job run took.");
    private static readonly UpDownCounter<long> _circuits = _meter.CreateUpDownCounter<long>("circuits.open", description: "Blazor circuits open on this instance.");
    // Observable gauges over the last sample: prometheus-net's adapter reads those on each scrape (it does not take
    // the newer Gauge<T>).
    private static readonly ConcurrentDictionary<string, int> _healthStates = new();
    private static long _linkBacklogValue;
    private static double _linkLagSeconds;

    static CrmMetrics()
    {
        _meter.CreateObservableGauge("linker.backlog", () => Volatile.Read(ref _linkBacklogValue),
            description: "Stored call events waiting to be linked to numbers.");
        _meter.CreateObservableGauge("linker.lag", () => Volatile.Read(ref _linkLagSeconds), "s",
            "Age of the oldest call event waiting to be linked.");
        _meter.CreateObservableGauge("health.status",
            () => _healthStates.Select(state => new Measurement<int>(state.Value, Tag("check", state.Key))),
            description: "Each readiness check: 2 healthy, 1 degraded, 0 unhealthy.");
    }

    public static void ImportFinished(string status, long accepted, long rejected, long rowsRead, TimeSpan elapsed)
    {
        _imports.Add(1, Tag("outcome", status));
        _importRows.Add(accepted, Tag("outcome", "accepted"));
        _importRows.Add(rejected, Tag("outcome", "rejected"));
        _importSeconds.Record(elapsed.TotalSeconds, Tag("outcome", status));
        if (rowsRead > 0 && elapsed > TimeSpan.Zero)
            _importRowsPerSecond.Record(rowsRead / elapsed.TotalSeconds);
    }

    public static void ImportFailed(string status, TimeSpan elapsed)
    {
        _imports.Add(1, Tag("outcome", status));
        _importSeconds.Record(elapsed.TotalSeconds, Tag("outcome", status));
    }

    /// <param name="what">numbers, rejects, audit, conversions.</param>
    public static void ExportSent(string what, string format) => _exports.Add(1, Tag("what", what), Tag("format", format));

    public static void NumbersExported(string format, long rows)
    {
        ExportSent("numbers", format);
        _exportRows.Add(rows, Tag("format", format));
    }

    public static void WebhookAnswered(int received, int stored, int duplicates)
    {
        _webhookEvents.Add(received, Tag("outcome", "received"));
        _webhookEvents.Add(stored, Tag("outcome", "stored"));
        _webhookEvents.Add(duplicates, Tag("outcome", "duplicate"));
    }

    /// <param name="reason">signature, too_large, invalid, backlog, rate_limit.</param>
    public static void WebhookRefused(string reason) => _webhookRefused.Add(1, Tag("reason", reason));

    public static void ToastsSent(int count) => _toasts.Add(count);

    public static void SftpPullFinished(string status, TimeSpan elapsed)
    {
        _sftpPulls.Add(1, Tag("status", status));
        _sftpPullSeconds.Record(elapsed.TotalSeconds, Tag("status", status));
    }

    public static void JobRan(string job, bool failed, TimeSpan elapsed)
    {
        _jobRuns.Add(1, Tag("job", job), Tag("outcome", failed ? "failed" : "succeeded"));
        _jobSeconds.Record(elapsed.TotalSeconds, Tag("job", job));
    }

    public static void CircuitOpened() => _circuits.Add(1);

    public static void CircuitClosed() => _circuits.Add(-1);

    public static void LinkBacklog(long waiting, TimeSpan oldestAge)
    {
        Volatile.Write(ref _linkBacklogValue, waiting);
        Volatile.Write(ref _linkLagSeconds, oldestAge.TotalSeconds);
    }

    public static void HealthCheck(string check, int status) => _healthStates[check] = status;

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}
