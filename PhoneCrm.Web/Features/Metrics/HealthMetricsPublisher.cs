using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PhoneCrm.Web.Features.Metrics;

/// <summary>Runs the health checks on the host's schedule and records each one's state as a metric, so an alert can
/// say which part failed without anyone calling /health/ready.</summary>
internal sealed class HealthMetricsPublisher : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
            CrmMetrics.HealthCheck(name, (int)entry.Status);
        return Task.CompletedTask;
    }
}
