using System.Diagnostics;
using Npgsql;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Imports;
using PhoneCrm.Data.Imports;
using PhoneCrm.Data.Imports.Files;
using PhoneCrm.Web.Features.Metrics;

namespace PhoneCrm.Web.Features.Imports;

/// <summary>How one run of a batch ended: its outcome when it committed, otherwise the status and message recorded.</summary>
public sealed record ImportRunResult(ImportOutcome? Outcome, string Status, string? Error)
{
    public bool Succeeded => Outcome is not null;
}

/// <summary>
/// Runs one import batch and records on its row how it ended, whoever started it (an upload or an SFTP pull).
/// A failure never leaves rows behind: the import's transaction rolls back, and only the status is written.
/// </summary>
public sealed class ImportRunner(NpgsqlDataSource dataSource, NumberImporter importer, ILogger<ImportRunner> logger)
{
    public async Task<ImportRunResult> RunAsync(ImportJob job, CancellationToken stoppingToken)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var clock = Stopwatch.StartNew();
        try
        {
            var progress = new ImportBatchProgress(dataSource, job.BatchId, cancellation);
            var outcome = await importer.RunAsync(job, progress, cancellation.Token);
            CrmMetrics.ImportFinished(ImportStatus.Completed, outcome.Accepted, outcome.Rejected, outcome.RowsRead, clock.Elapsed);
            return new ImportRunResult(outcome, ImportStatus.Completed, null);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return await FailAsync(job, ImportStatus.Cancelled, ImportFileMessages.Cancelled, clock);
        }
        catch (OperationCanceledException)
        {
            await FailAsync(job, ImportStatus.Interrupted, ImportFileMessages.Interrupted, clock);
            throw;
        }
        catch (DomainException e)
        {
            return e.Localized is { } localized
                ? await FailAsync(job, ImportStatus.Failed, localized, clock)
                : await FailAsync(job, ImportStatus.Failed, e.Message, clock);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import {BatchId} failed", job.BatchId);
            return await FailAsync(job, ImportStatus.Failed, ImportFileMessages.Unexpected, clock);
        }
    }

    private Task<ImportRunResult> FailAsync(ImportJob job, string status, LocalizedMessage error, Stopwatch clock) =>
        FailAsync(job, status, error.Text, clock, error);

    private async Task<ImportRunResult> FailAsync(ImportJob job, string status, string error, Stopwatch clock,
        LocalizedMessage? localized = null)
    {
        CrmMetrics.ImportFailed(status, clock.Elapsed);
        await ImportBatchProgress.FailAsync(dataSource, job.BatchId, status, error, localized);
        return new ImportRunResult(null, status, error);
    }
}
