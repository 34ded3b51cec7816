using Quartz;

namespace PhoneCrm.Web.Features.Sftp;

/// <summary>
/// The Quartz job of one host (one job per host, on the host's cron; "Pull now" fires it once more).
/// DisallowConcurrentExecution holds across the cluster, and the puller's advisory lock backs it up.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SftpPullJob(SftpPuller puller, ILogger<SftpPullJob> logger) : IJob
{
    public const string Group = "sftp";
    public const string HostIdKey = "hostId";
    public const string TriggerKindKey = "trigger";

    public static JobKey KeyOf(long hostId) => new($"sftp-pull-{hostId}", Group);

    public static TriggerKey ScheduleKeyOf(long hostId) => new($"sftp-schedule-{hostId}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var hostId = context.MergedJobDataMap.GetLong(HostIdKey);
        var trigger = context.MergedJobDataMap.TryGetString(TriggerKindKey, out var kind) && kind is not null ? kind : "schedule";
        try
        {
            var instanceId = await context.Scheduler.GetSchedulerInstanceId(cancellationToken);
            await puller.PullAsync(hostId, trigger, instanceId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "SFTP pull job of host {HostId} failed", hostId);
            throw new JobExecutionException(e);
        }
    }
}
