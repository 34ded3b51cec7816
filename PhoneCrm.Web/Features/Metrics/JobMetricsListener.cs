using Quartz;

namespace PhoneCrm.Web.Features.Metrics;

/// <summary>Counts and times every Quartz job run by job class (housekeeping, rollups, and the pulls of every SFTP host
/// together), so a job that stopped running or keeps failing shows on the board.</summary>
internal sealed class JobMetricsListener : IJobListener
{
    public string Name => nameof(JobMetricsListener);

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        CrmMetrics.JobRan(context.JobInstance.GetType().Name, jobException is not null, context.JobRunTime);
        return ValueTask.CompletedTask;
    }
}
