using Microsoft.EntityFrameworkCore;
using PhoneCrm.Data;

namespace PhoneCrm.Web.Features.Sftp;

/// <summary>
/// At start-up, makes the scheduler's SFTP jobs match the hosts table. Saving a host applies its schedule at
/// once; this covers hosts the scheduler never heard of (a database restored from a backup, a row written by SQL).
/// </summary>
public sealed class SftpScheduleSync(IDbContextFactory<CrmDbContext> contexts, SftpSchedule schedule, ILogger<SftpScheduleSync> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hosts = await db.SftpHosts.AsNoTracking().ToListAsync(cancellationToken);
        await schedule.ApplyAllAsync(hosts, cancellationToken);
        logger.LogInformation("SFTP schedules applied for {Count} hosts", hosts.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
