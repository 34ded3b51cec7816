using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Imports;
using PhoneCrm.Core.Sftp;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Data.Imports;
using PhoneCrm.Data.Imports.Files;
using PhoneCrm.Data.Sftp;
using PhoneCrm.Web.Features.Imports;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Features.Sftp.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Sftp;

/// <summary>
/// Takes one stable remote file through the ledger: finishes what an earlier run left undone, or downloads it,
/// recognises content imported before, imports it through the numbers pipeline, and moves it away. The order
/// is what makes a crash at any point harmless: the ledger row commits with the numbers, and the remote file
/// is moved only after that, so a file the server still shows is either unknown (import it) or known (just
/// move it).
/// </summary>
public sealed class SftpFileImport(
    SftpTransport sftp,
    SftpLedger ledger,
    ImportRunner importer,
    NpgsqlDataSource dataSource,
    IDbContextFactory<CrmDbContext> contexts,
    ImportOptions importOptions,
    SftpOptions options,
    IStringLocalizer<Strings> l,
    ILogger<SftpFileImport> logger)
{
    public async Task RunAsync(SftpPullContext pull, SftpRemoteFile remote, CancellationToken cancellationToken)
    {
        var seen = new SftpFileSeen(remote.Path, remote.Size, remote.ModifiedAt);
        if (await ledger.FindUnsettledAsync(pull.Host.Id, seen, cancellationToken) is { } earlier)
        {
            // A run before this one dealt with the file but died (or lost the server) before moving it.
            await SettleAsync(pull, remote, earlier.Id, earlier.Status, earlier.Detail, cancellationToken);
            pull.Totals.Skipped++;
            return;
        }

        var localPath = Path.Combine(PrivateDirectory.Ensure(options.DownloadDirectory), $"run{pull.RunId}-{Guid.NewGuid():N}{Path.GetExtension(remote.Name)}");
        try
        {
            await sftp.DownloadAsync(pull.Endpoint, remote.Path, localPath, cancellationToken);
            var sha256 = await HashAsync(localPath, cancellationToken);
            if (await ledger.FindImportedContentAsync(pull.Host.Id, sha256, cancellationToken) is { } original)
            {
                await RecordDuplicateAsync(pull, remote, seen, sha256, original.RemotePath, cancellationToken);
                return;
            }
            await ImportAsync(pull, remote, seen, sha256, localPath, cancellationToken);
        }
        finally
        {
            File.Delete(localPath);
        }
    }

    private async Task ImportAsync(SftpPullContext pull, SftpRemoteFile remote, SftpFileSeen seen, byte[] sha256, string localPath,
        CancellationToken cancellationToken)
    {
        ImportSettings settings;
        try
        {
            settings = GuessSettings(pull.Host, localPath);
        }
        catch (DomainException e)
        {
            await RecordFailedAsync(pull, remote, seen, sha256, e.Message, null, cancellationToken);
            return;
        }

        var batchId = await ImportBatches.CreateQueuedAsync(dataSource, pull.Host.ProjectId, remote.Name, remote.Size, localPath,
            settings, pull.Actor.Name, pull.Actor, cancellationToken);
        var job = new ImportJob(batchId, pull.Host.ProjectId, pull.DefaultCountry, localPath, settings, importOptions.Limits, pull.Actor)
        {
            BeforeCommit = async (connection, outcome, token) =>
            {
                if (!await SftpLedger.RecordImportedAsync(connection, pull.Host.Id, pull.RunId, seen, sha256, batchId, outcome.Accepted, token))
                    throw new DomainException("The same content was imported from this host by another pull meanwhile.");
            },
        };
        var result = await importer.RunAsync(job, cancellationToken);
        if (result.Outcome is { } outcome)
        {
            pull.Totals.Imported++;
            pull.Totals.Rows += outcome.Accepted;
            var fileId = await ledger.ImportedRowIdAsync(pull.RunId, remote.Path, cancellationToken);
            await AuditAsync(pull, remote, SftpFileStatus.Imported, new { batch_id = batchId, rows = outcome.Accepted, rejected = outcome.Rejected }, cancellationToken);
            await SettleAsync(pull, remote, fileId, SftpFileStatus.Imported, null, cancellationToken);
        }
        else if (await ledger.FindImportedContentAsync(pull.Host.Id, sha256, cancellationToken) is { } original)
        {
            await RecordDuplicateAsync(pull, remote, seen, sha256, original.RemotePath, cancellationToken);
        }
        else
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RecordFailedAsync(pull, remote, seen, sha256, result.Error ?? result.Status, batchId, cancellationToken);
        }
    }

    private ImportSettings GuessSettings(SftpHost host, string localPath)
    {
        using var file = ImportFileReader.Open(localPath, importOptions.Limits);
        var mapping = ColumnMappingGuesser.Guess(file.Headers, file.Preview(10));
        if (mapping.Phone == ColumnMapping.None)
            throw new DomainException(l["Sftp.NoPhoneColumn"]);
        return new ImportSettings
        {
            PhoneColumn = mapping.Phone,
            SupplierId = host.SupplierId,
            SupplierColumn = host.SupplierId is null ? mapping.Supplier : ColumnMapping.None,
            GeoColumn = mapping.Geo,
            SkipNumbersInOtherProjects = host.SkipNumbersInOtherProjects,
        };
    }

    private async Task RecordDuplicateAsync(SftpPullContext pull, SftpRemoteFile remote, SftpFileSeen seen, byte[] sha256,
        string originalPath, CancellationToken cancellationToken)
    {
        var detail = $"Same content as {originalPath}, imported before; not imported again.";
        var fileId = await ledger.RecordAsync(pull.Host.Id, pull.RunId, seen, sha256, SftpFileStatus.Duplicate, detail, null, cancellationToken);
        pull.Totals.Skipped++;
        await AuditAsync(pull, remote, SftpFileStatus.Duplicate, new { original = originalPath }, cancellationToken);
        await SettleAsync(pull, remote, fileId, SftpFileStatus.Duplicate, detail, cancellationToken);
    }

    private async Task RecordFailedAsync(SftpPullContext pull, SftpRemoteFile remote, SftpFileSeen seen, byte[] sha256, string reason,
        long? batchId, CancellationToken cancellationToken)
    {
        var fileId = await ledger.RecordAsync(pull.Host.Id, pull.RunId, seen, sha256, SftpFileStatus.Failed, reason, batchId, cancellationToken);
        pull.Totals.Failed++;
        logger.LogWarning("SFTP file {RemotePath} from host {HostId} was not imported: {Reason}", remote.Path, pull.Host.Id, reason);
        await AuditAsync(pull, remote, SftpFileStatus.Failed, new { reason, batch_id = batchId }, cancellationToken);
        await SettleAsync(pull, remote, fileId, SftpFileStatus.Failed, reason, cancellationToken);
    }

    /// <summary>Moves (or deletes) the remote file as its ledger status says, then marks the row settled with where it went.</summary>
    private async Task SettleAsync(SftpPullContext pull, SftpRemoteFile remote, long fileId, string status, string? reason,
        CancellationToken cancellationToken)
    {
        var host = pull.Host;
        string? settledPath = null;
        if (status == SftpFileStatus.Failed)
        {
            settledPath = await sftp.MoveAsync(pull.Endpoint, remote.Path, host.ResolveFolder(host.FailedFolder), cancellationToken);
            await UploadReasonAsync(pull, remote, settledPath, reason ?? "", cancellationToken);
        }
        else if (host.AfterImport == SftpAfterImport.Delete)
        {
            await sftp.DeleteAsync(pull.Endpoint, remote.Path, cancellationToken);
        }
        else
        {
            settledPath = await sftp.MoveAsync(pull.Endpoint, remote.Path, host.ResolveFolder(host.ProcessedFolder), cancellationToken);
        }
        await ledger.MarkSettledAsync(fileId, settledPath, cancellationToken);
    }

    /// <summary>Writes "name.reason.txt" beside the failed file, wherever the move put it, in the server's language.</summary>
    private async Task UploadReasonAsync(SftpPullContext pull, SftpRemoteFile remote, string movedPath, string reason,
        CancellationToken cancellationToken)
    {
        var reasonPath = Path.Combine(PrivateDirectory.Ensure(options.DownloadDirectory), $"run{pull.RunId}-{Guid.NewGuid():N}.reason.txt");
        try
        {
            var text = l["Sftp.ReasonFile", remote.Name, DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture), reason].Value;
            await File.WriteAllTextAsync(reasonPath, text.ReplaceLineEndings() + Environment.NewLine, cancellationToken);
            await sftp.UploadAsync(pull.Endpoint, reasonPath, movedPath + ".reason.txt", cancellationToken);
        }
        finally
        {
            File.Delete(reasonPath);
        }
    }

    private async Task AuditAsync(SftpPullContext pull, SftpRemoteFile remote, string status, object details, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AddAudit(pull.Actor, AuditActions.SftpFile, AuditEntities.SftpHost, pull.Host.Id.ToString(), null,
            new { run_id = pull.RunId, path = remote.Path, size = remote.Size, status, details });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<byte[]> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return await SHA256.HashDataAsync(stream, cancellationToken);
    }
}
