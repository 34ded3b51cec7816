using Quartz;

namespace PhoneCrm.Web.Jobs;

/// <summary>Nightly partition and retention housekeeping; the work itself is in <see cref="HousekeepingService"/>.</summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(HousekeepingService housekeeping, ILogger<HousekeepingJob> logger) : IJob
{
    public const string TriggerName = "housekeeping";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var instanceId = await context.Scheduler.GetSchedulerInstanceId(cancellationToken);
            await housekeeping.RunAsync(
                instanceId, context.FireInstanceId, context.ScheduledFireTimeUtc, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Job {JobKey} failed", context.JobDetail.Key);
            throw new JobExecutionException(e);
        }
    }
}
