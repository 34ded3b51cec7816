using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Projects;
using PhoneCrm.Core.Sftp;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Data.Sftp;
using PhoneCrm.Web.Features.Metrics;
using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Web.Features.Sftp;

/// <summary>
/// One pull of one host: list the remote folder twice, a little apart, and take the files that did not change
/// in between, one at a time, through <see cref="SftpFileImport"/>. A PostgreSQL advisory lock per host, held
/// for the whole pull, means a host is never pulled twice at once, whichever instance or trigger starts it.
/// </summary>
public sealed class SftpPuller(
    NpgsqlDataSource dataSource,
    IDbContextFactory<CrmDbContext> contexts,
    SftpLedger ledger,
    SftpCredentials credentials,
    SftpTransport sftp,
    SftpFileImport fileImport,
    SftpOptions options,
    ILogger<SftpPuller> logger)
{
    public async Task<SftpPullResult> PullAsync(long hostId, string trigger, string instanceId, CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await SftpLedger.TryLockHostAsync(lockConnection, hostId, cancellationToken))
        {
            logger.LogInformation("SFTP host {HostId} is already being pulled; this {Trigger} pull is skipped", hostId, trigger);
            return SftpPullResult.AlreadyRunning;
        }
        // Held to the end; if this process dies, PostgreSQL drops it with the connection.
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await PullLockedAsync(hostId, trigger, instanceId, cancellationToken);
            CrmMetrics.SftpPullFinished(result.Status, clock.Elapsed);
            return result;
        }
        catch (OperationCanceledException)
        {
            CrmMetrics.SftpPullFinished(SftpRunStatus.Interrupted, clock.Elapsed);
            throw;
        }
        finally
        {
            // Released explicitly: a pooled connection keeps session locks when it goes back to the pool.
            await SftpLedger.UnlockHostAsync(lockConnection, hostId);
        }
    }

    private async Task<SftpPullResult> PullLockedAsync(long hostId, string trigger, string instanceId, CancellationToken cancellationToken)
    {
        DeleteStaleDownloads();
        var (host, project) = await LoadAsync(hostId, cancellationToken);
        var runId = await ledger.StartRunAsync(hostId, trigger, instanceId, cancellationToken);
        var totals = new SftpRunTotals();
        string status;
        string? error = null;
        try
        {
            if (project.IsDeleted)
                throw new DomainException("The host's project is deleted; restore it or choose another project for this host.");
            if (!host.CanPull)
                throw new SftpTransportException(SftpFailureKind.HostKeyMismatch, host.HostKeyAlert is null
                    ? "No host key is confirmed for this host yet: use Test connection and confirm the server's key."
                    : "The server showed a different host key; pulls stay stopped until an administrator confirms a key.");
            var pull = new SftpPullContext(host, credentials.Endpoint(host, HostKey.Parse(host.PinnedHostKey!)), runId, project.DefaultCountry.Trim(), totals);
            await PullFilesAsync(pull, cancellationToken);
            status = totals.Failed > 0 ? SftpRunStatus.PartlyFailed : SftpRunStatus.Succeeded;
        }
        catch (SftpTransportException e)
        {
            status = SftpRunStatus.Failed;
            error = string.IsNullOrWhiteSpace(e.Detail) ? e.Message : $"{e.Message}\n{e.Detail}";
            if (e.Kind == SftpFailureKind.HostKeyMismatch && host.CanPull)
                await RaiseHostKeyAlertAsync(host, e, cancellationToken);
            logger.LogWarning("SFTP pull {RunId} of host {HostId} failed: {Kind}: {Message}", runId, hostId, e.Kind, e.Message);
        }
        catch (DomainException e)
        {
            status = SftpRunStatus.Failed;
            error = e.Message;
        }
        catch (OperationCanceledException)
        {
            await FinishAsync(host, runId, totals, SftpRunStatus.Interrupted, "The pull was stopped; files not yet imported are taken next time.");
            throw;
        }
        catch (Exception e)
        {
            status = SftpRunStatus.Failed;
            error = "The pull failed unexpectedly; the error is in the server log.";
            logger.LogError(e, "SFTP pull {RunId} of host {HostId} failed", runId, hostId);
        }
        await FinishAsync(host, runId, totals, status, error);
        return new SftpPullResult(runId, status, totals, error);
    }

    private async Task PullFilesAsync(SftpPullContext pull, CancellationToken cancellationToken)
    {
        var pattern = new SftpFilePattern(pull.Host.FilePattern);
        var first = await ListAsync(pull, pattern, cancellationToken);
        pull.Totals.Found = first.Count;
        if (first.Count == 0)
            return;
        await Task.Delay(TimeSpan.FromSeconds(options.StableCheckSeconds), cancellationToken);
        var second = (await ListAsync(pull, pattern, cancellationToken)).ToHashSet();

        foreach (var file in first.OrderBy(f => f.ModifiedAt).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            if (!second.Contains(file))
            {
                // Still being written (or gone): the next run looks again.
                pull.Totals.Skipped++;
                logger.LogInformation("SFTP file {RemotePath} changed during the listing; left for the next run", file.Path);
                continue;
            }
            await fileImport.RunAsync(pull, file, cancellationToken);
        }
    }

    /// <summary>
    /// Files a killed process left behind (a normal end deletes its own). A day old, so that no pull still
    /// running on another instance sharing the folder loses its file.
    /// </summary>
    private void DeleteStaleDownloads()
    {
        if (!Directory.Exists(options.DownloadDirectory))
            return;
        foreach (var file in new DirectoryInfo(options.DownloadDirectory).EnumerateFiles("run*"))
        {
            if (file.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1))
                file.Delete();
        }
    }

    private async Task<List<SftpRemoteFile>> ListAsync(SftpPullContext pull, SftpFilePattern pattern, CancellationToken cancellationToken) =>
        (await sftp.ListAsync(pull.Endpoint, pull.Host.RemoteFolder, cancellationToken)).Where(f => pattern.IsMatch(f.Name)).ToList();

    private async Task<(SftpHost Host, Project Project)> LoadAsync(long hostId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var host = await db.SftpHosts.AsNoTracking().SingleAsync(h => h.Id == hostId, cancellationToken);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == host.ProjectId, cancellationToken);
        return (host, project);
    }

    /// <summary>Stops further pulls of a host whose server showed another key, and says so in the audit log and the page.</summary>
    private async Task RaiseHostKeyAlertAsync(SftpHost host, SftpTransportException e, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SftpHosts.Where(h => h.Id == host.Id).ExecuteUpdateAsync(set => set
            .SetProperty(h => h.HostKeyAlert, "The server's host key does not match the pinned one.")
            .SetProperty(h => h.HostKeyAlertAt, DateTimeOffset.UtcNow), cancellationToken);
        db.AddAudit(SftpPullContext.ActorOf(host), AuditActions.HostKeyRefused, AuditEntities.SftpHost, host.Id.ToString(), null,
            new
            {
                host = host.Host, port = host.Port, pinned = HostKey.Parse(host.PinnedHostKey!).Fingerprint,
                presented = e.PresentedHostKey?.Fingerprint,
            });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogError("SFTP host {HostId} ({Host}:{Port}) showed a host key that is not the pinned one; pulls are stopped",
            host.Id, host.Host, host.Port);
    }

    private async Task FinishAsync(SftpHost host, long runId, SftpRunTotals totals, string status, string? error)
    {
        await ledger.FinishRunAsync(runId, totals, status, error);
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        db.AddAudit(SftpPullContext.ActorOf(host), AuditActions.SftpPull, AuditEntities.SftpHost, host.Id.ToString(), null,
            new { run_id = runId, status, found = totals.Found, imported = totals.Imported, skipped = totals.Skipped, failed = totals.Failed, rows = totals.Rows, error });
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
