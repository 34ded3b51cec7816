using PhoneCrm.Data.SoftPhone;

namespace PhoneCrm.Web.Features.Metrics;

/// <summary>Samples how many stored call events wait to be linked and how old the oldest is, a scrape interval
/// apart: one capped count, so the linker's own loop stays free of metrics work.</summary>
internal sealed class LinkBacklogSampler(CallEventQueries queries, TimeProvider clock, ILogger<LinkBacklogSampler> logger) : BackgroundService
{
    private const int CountUpTo = 1_000_000;
    private static readonly TimeSpan _every = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_every, clock);
        try
        {
            do
                await SampleAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SampleAsync(CancellationToken stoppingToken)
    {
        try
        {
            var backlog = await queries.LinkBacklogAsync(CountUpTo, stoppingToken);
            var age = backlog.OldestReceivedAt is { } oldest ? clock.GetUtcNow() - oldest : TimeSpan.Zero;
            CrmMetrics.LinkBacklog(backlog.Waiting, age < TimeSpan.Zero ? TimeSpan.Zero : age);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug(e, "The call link backlog could not be sampled");
        }
    }
}
