using PhoneCrm.Data.Imports;

namespace PhoneCrm.Web.Features.Imports;

/// <summary>
/// Runs queued imports one at a time, outside any Blazor circuit, so closing the browser does not stop
/// them. Failures end up on the batch row as a status and a message the Imports page shows.
/// </summary>
public sealed class ImportWorker(
    ImportQueue queue,
    ImportRunner runner,
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
        ImportJob? job = null;
        try
        {
            job = await loader.LoadAsync(batchId, stoppingToken);
            if (job is not null)
                await runner.RunAsync(job, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The runner records import failures itself; this is the batch that could not even be loaded.
            logger.LogError(e, "Import {BatchId} could not be started", batchId);
        }
        finally
        {
            if (job is not null)
                TryDelete(job.FilePath);
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
