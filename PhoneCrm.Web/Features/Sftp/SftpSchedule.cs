using PhoneCrm.Core.Sftp;
using Quartz;

namespace PhoneCrm.Web.Features.Sftp;

/// <summary>
/// Keeps each host's Quartz job and cron trigger in step with its settings. The job store is shared by every
/// instance, so a change made on one applies on all at once, without a restart.
/// </summary>
public sealed class SftpSchedule(ISchedulerFactory schedulers)
{
    public static bool IsValidCron(string cron) => CronExpression.TryParse(cron, out _);

    public async Task ApplyAsync(SftpHost host, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<SftpPullJob>()
            .WithIdentity(SftpPullJob.KeyOf(host.Id))
            .UsingJobData(SftpPullJob.HostIdKey, host.Id)
            .StoreDurably()
            .Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
        if (!host.Enabled || !host.CanPull)
        {
            await scheduler.UnscheduleJob(SftpPullJob.ScheduleKeyOf(host.Id), cancellationToken);
            return;
        }
        var trigger = TriggerBuilder.Create()
            .WithIdentity(SftpPullJob.ScheduleKeyOf(host.Id))
            .ForJob(job)
            // A pull missed while every instance was down is made up once, not once per missed firing.
            .WithCronSchedule(host.Cron, cron => cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        // Replaced in one step under the store's lock: two instances applying at once leave one trigger.
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
    }

    /// <summary>Applies every host's settings; run at start-up, so hosts changed outside the app (a restore) are scheduled right.</summary>
    public async Task ApplyAllAsync(IEnumerable<SftpHost> hosts, CancellationToken cancellationToken)
    {
        foreach (var host in hosts)
            await ApplyAsync(host, cancellationToken);
    }

    public async Task RemoveAsync(long hostId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(SftpPullJob.KeyOf(hostId), cancellationToken);
    }

    public async Task PullNowAsync(SftpHost host, string requestedBy, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (!await scheduler.Exists(SftpPullJob.KeyOf(host.Id), cancellationToken))
            await ApplyAsync(host, cancellationToken);
        await scheduler.TriggerJob(SftpPullJob.KeyOf(host.Id),
            new JobDataMap { [SftpPullJob.TriggerKindKey] = $"manual:{requestedBy}" }, cancellationToken);
    }

    public async Task<DateTimeOffset?> NextPullAsync(long hostId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = await scheduler.GetTrigger(SftpPullJob.ScheduleKeyOf(hostId), cancellationToken);
        return trigger?.NextFireTimeUtc;
    }

    /// <summary>The cron of the host's trigger as the scheduler has it (null when not scheduled).</summary>
    public async Task<string?> ScheduledCronAsync(long hostId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.GetTrigger(SftpPullJob.ScheduleKeyOf(hostId), cancellationToken) is ICronTrigger cron
            ? cron.CronExpressionString
            : null;
    }
}
