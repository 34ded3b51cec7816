using Npgsql;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Imports;
using PhoneCrm.Data.Imports;

namespace PhoneCrm.Web.Features.Imports;

/// <summary>
/// Runs queued imports one at a time, outside any Blazor circuit, so closing the browser does not stop
/// them. Failures end up on the batch row as a status and a message the Imports page shows.
/// </summary>
public sealed class ImportWorker(
    ImportQueue queue,
    NpgsqlDataSource dataSource,
    NumberImporter importer,
    ImportJobLoader loader,
    ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batchId in queue.ReadAllAsync(stoppingToken))
            await RunOneAsync(batchId, stoppingToken);
    }

    private async Task RunOneAsync(long batchId, CancellationToken stoppingToken)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        string? filePath = null;
        try
        {
            var job = await loader.LoadAsync(batchId, stoppingToken);
            if (job is null)
                return;
            filePath = job.FilePath;
            var progress = new ImportBatchProgress(dataSource, batchId, cancellation);
            await importer.RunAsync(job, progress, cancellation.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            await ImportBatchProgress.FailAsync(dataSource, batchId, ImportStatus.Cancelled, "Cancelled; nothing from this file was kept.");
        }
        catch (OperationCanceledException)
        {
            await ImportBatchProgress.FailAsync(dataSource, batchId, ImportStatus.Interrupted, "The app was stopped; nothing from this file was kept.");
        }
        catch (DomainException e)
        {
            await ImportBatchProgress.FailAsync(dataSource, batchId, ImportStatus.Failed, e.Message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import {BatchId} failed", batchId);
            await ImportBatchProgress.FailAsync(dataSource, batchId, ImportStatus.Failed,
                "The import failed unexpectedly and nothing was kept; the error is in the server log.");
        }
        finally
        {
            if (filePath is not null)
                TryDelete(filePath);
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not delete the uploaded file {FileName}", path);
        }
    }
}
