using PhoneCrm.Data.Conversions;
using Quartz;

namespace PhoneCrm.Web.Jobs;

/// <summary>Adds what changed in numbers into the conversion rollup, every minute by default (Crm:Jobs:ConversionRollupSeconds).</summary>
[DisallowConcurrentExecution]
public sealed class RollupConversionsJob(ConversionRollup rollup, ILogger<RollupConversionsJob> logger) : IJob
{
    public const string TriggerName = "conversion-rollup";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var run = await rollup.RunAsync(cancellationToken);
            logger.LogInformation(
                "Job {JobKey}: skipped {Skipped}, rebuilt {RebuiltProjects} projects, folded {FoldedChanges} changes in {ElapsedMs} ms",
                context.JobDetail.Key, run.Skipped, run.RebuiltProjects, run.FoldedChanges, (long)run.Elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Job {JobKey} failed", context.JobDetail.Key);
            throw new JobExecutionException(e);
        }
    }
}
