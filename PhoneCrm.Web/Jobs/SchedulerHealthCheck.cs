using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace PhoneCrm.Web.Jobs;

public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The job scheduler is {status}.");
    }
}
