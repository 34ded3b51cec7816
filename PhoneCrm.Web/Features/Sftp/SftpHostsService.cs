using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Sftp;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Data.Sftp;
using PhoneCrm.Web.Features.Sftp.Transport;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Sftp;

/// <summary>What administrators do with SFTP hosts: edit them, confirm their host key, pull now, read the pull log.</summary>
public sealed class SftpHostsService(
    IDbContextFactory<CrmDbContext> contexts,
    SftpCredentials credentials,
    SftpSchedule schedule,
    SftpLogQueries log,
    HostKeyScanner scanner,
    SftpTransport sftp,
    IStringLocalizer<Strings> l)
{
    public async Task<IReadOnlyList<SftpHostRow>> ListAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hosts = await db.SftpHosts.AsNoTracking().OrderBy(h => h.Name).ToListAsync(cancellationToken);
        var projectIds = hosts.Select(h => h.ProjectId).Distinct().ToList();
        var projects = await db.Projects.Where(p => projectIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var lastRuns = (await log.LastRunsAsync(hosts.Select(h => h.Id).ToArray(), cancellationToken)).ToDictionary(r => r.HostId);
        var rows = new List<SftpHostRow>();
        foreach (var host in hosts)
        {
            rows.Add(new SftpHostRow(host, projects.GetValueOrDefault(host.ProjectId, "?"),
                host.PinnedHostKey is { } pinned ? HostKey.Parse(pinned).Fingerprint : null,
                lastRuns.GetValueOrDefault(host.Id), await schedule.NextPullAsync(host.Id, cancellationToken)));
        }
        return rows;
    }

    /// <summary>The live projects a host can import into, by name.</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> ProjectChoicesAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = await db.Projects.AsNoTracking().Where(p => p.DeletedAt == null).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        return projects.Select(p => (p.Id, p.Name)).ToList();
    }

    public async Task<SftpHostDraft> DraftAsync(CurrentUser user, long id, CancellationToken cancellationToken = default) =>
        SftpHostDraft.From(await FindAsync(user, id, cancellationToken));

    /// <summary>Creates (<paramref name="id"/> null) or changes a host and applies its schedule at once, on every instance.</summary>
    public async Task<long> SaveAsync(CurrentUser user, long? id, SftpHostDraft draft, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        Validate(draft, isNew: id is null);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.SftpHosts.AnyAsync(h => h.Name == draft.Name.Trim() && h.Id != id, cancellationToken))
            throw new DomainException(l["Validation.NameTaken"]);
        if (!await db.Projects.AnyAsync(p => p.Id == draft.ProjectId && p.DeletedAt == null, cancellationToken))
            throw new DomainException(l["Sftp.ProjectRequired"]);

        var host = id is { } existingId
            ? await db.SftpHosts.SingleOrDefaultAsync(h => h.Id == existingId, cancellationToken) ?? throw new DomainException(l["Sftp.NotFound"])
            : db.SftpHosts.Add(new SftpHost { CreatedAt = DateTimeOffset.UtcNow }).Entity;
        var before = id is null ? null : Describe(host);
        // Another address is another server: its key has to be confirmed again.
        if (host.Host != draft.Host.Trim() || host.Port != draft.Port)
        {
            host.PinnedHostKey = null;
            host.HostKeyAlert = null;
            host.HostKeyAlertAt = null;
        }
        Apply(draft, host);
        host.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        db.AddAudit(user.Actor, id is null ? AuditActions.Create : AuditActions.Update, AuditEntities.SftpHost, host.Id.ToString(),
            before, Describe(host));
        await db.SaveChangesAsync(cancellationToken);
        await schedule.ApplyAsync(host, cancellationToken);
        return host.Id;
    }

    public async Task DeleteAsync(CurrentUser user, long id, CancellationToken cancellationToken = default)
    {
        var host = await FindAsync(user, id, cancellationToken);
        await schedule.RemoveAsync(id, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SftpHosts.Where(h => h.Id == id).ExecuteDeleteAsync(cancellationToken);
        db.AddAudit(user.Actor, AuditActions.Delete, AuditEntities.SftpHost, id.ToString(), Describe(host), null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The keys the server offers, read without logging in: nothing secret is sent before a key is confirmed.</summary>
    public async Task<IReadOnlyList<HostKey>> ScanHostKeysAsync(CurrentUser user, long id, CancellationToken cancellationToken = default)
    {
        var host = await FindAsync(user, id, cancellationToken);
        try
        {
            return await scanner.ScanAsync(host.Host, host.Port, cancellationToken);
        }
        catch (SftpTransportException e)
        {
            throw new DomainException(l["Sftp.ScanFailed", host.Host, host.Port, e.Message]);
        }
    }

    /// <summary>Pins the key the administrator confirmed, then logs in with it to prove the rest of the settings.</summary>
    public async Task<int> PinHostKeyAsync(CurrentUser user, long id, HostKey key, CancellationToken cancellationToken = default)
    {
        var host = await FindAsync(user, id, cancellationToken);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.SftpHosts.Where(h => h.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(h => h.PinnedHostKey, key.ToString())
                .SetProperty(h => h.HostKeyAlert, (string?)null)
                .SetProperty(h => h.HostKeyAlertAt, (DateTimeOffset?)null)
                .SetProperty(h => h.UpdatedAt, DateTimeOffset.UtcNow), cancellationToken);
            db.AddAudit(user.Actor, AuditActions.PinHostKey, AuditEntities.SftpHost, id.ToString(),
                host.PinnedHostKey is { } old ? new { fingerprint = HostKey.Parse(old).Fingerprint } : null,
                new { fingerprint = key.Fingerprint });
            await db.SaveChangesAsync(cancellationToken);
        }
        host.PinnedHostKey = key.ToString();
        host.HostKeyAlert = null;
        await schedule.ApplyAsync(host, cancellationToken);
        return await CheckLoginAsync(host, key, cancellationToken);
    }

    /// <summary>Logs in with the pinned key and counts the files that match the pattern now.</summary>
    public async Task<int> TestLoginAsync(CurrentUser user, long id, CancellationToken cancellationToken = default)
    {
        var host = await FindAsync(user, id, cancellationToken);
        if (host.PinnedHostKey is null)
            throw new DomainException(l["Sftp.ConfirmKeyFirst"]);
        return await CheckLoginAsync(host, HostKey.Parse(host.PinnedHostKey), cancellationToken);
    }

    public async Task PullNowAsync(CurrentUser user, long id, CancellationToken cancellationToken = default)
    {
        var host = await FindAsync(user, id, cancellationToken);
        if (!host.CanPull)
            throw new DomainException(l["Sftp.ConfirmKeyFirst"]);
        await schedule.PullNowAsync(host, user.UserName, cancellationToken);
    }

    public async Task<IReadOnlyList<SftpRunRow>> RunsAsync(CurrentUser user, long? hostId, long? beforeId, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        return await log.RunsAsync(hostId, beforeId, cancellationToken);
    }

    public async Task<IReadOnlyList<SftpFileRow>> FilesAsync(CurrentUser user, long runId, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        return await log.FilesAsync(runId, cancellationToken);
    }

    private async Task<int> CheckLoginAsync(SftpHost host, HostKey key, CancellationToken cancellationToken)
    {
        try
        {
            var files = await sftp.ListAsync(credentials.Endpoint(host, key), host.RemoteFolder, cancellationToken);
            var pattern = new SftpFilePattern(host.FilePattern);
            return files.Count(f => pattern.IsMatch(f.Name));
        }
        catch (SftpTransportException e)
        {
            throw new DomainException(l["Sftp.LoginFailed", e.Message]);
        }
    }

    private async Task<SftpHost> FindAsync(CurrentUser user, long id, CancellationToken cancellationToken)
    {
        user.EnsureAdministrator(l);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SftpHosts.AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, cancellationToken)
               ?? throw new DomainException(l["Sftp.NotFound"]);
    }

    private void Validate(SftpHostDraft draft, bool isNew)
    {
        if (string.IsNullOrWhiteSpace(draft.Name))
            throw new DomainException(l["Validation.NameRequired"]);
        if (string.IsNullOrWhiteSpace(draft.Host) || draft.Host.Any(char.IsWhiteSpace))
            throw new DomainException(l["Sftp.HostRequired"]);
        if (draft.Port is < 1 or > 65535)
            throw new DomainException(l["Sftp.PortRange"]);
        if (string.IsNullOrWhiteSpace(draft.UserName))
            throw new DomainException(l["Sftp.UserRequired"]);
        if (isNew && string.IsNullOrWhiteSpace(draft.Secret))
            throw new DomainException(l[draft.AuthKind == SftpAuthKind.Password ? "Sftp.PasswordRequired" : "Sftp.KeyRequired"]);
        if (draft.AuthKind == SftpAuthKind.PrivateKey && !string.IsNullOrWhiteSpace(draft.Secret)
            && !draft.Secret.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            throw new DomainException(l["Sftp.KeyFormat"]);
        if (draft.AuthKind == SftpAuthKind.PrivateKey && !string.IsNullOrWhiteSpace(draft.Secret))
            EnsureKeyOpens(draft);
        // The passphrase is checked against the key it opens, so a new one comes with the key pasted again.
        if (string.IsNullOrWhiteSpace(draft.Secret) && draft.Passphrase.Length > 0)
            throw new DomainException(l["Sftp.KeyRequired"]);
        if (string.IsNullOrWhiteSpace(draft.RemoteFolder) || string.IsNullOrWhiteSpace(draft.ProcessedFolder)
            || string.IsNullOrWhiteSpace(draft.FailedFolder) || new[] { draft.RemoteFolder, draft.ProcessedFolder, draft.FailedFolder }.Any(HasControl))
            throw new DomainException(l["Sftp.FolderRequired"]);
        try
        {
            _ = new SftpFilePattern(draft.FilePattern);
        }
        catch (ArgumentException)
        {
            throw new DomainException(l["Sftp.PatternInvalid"]);
        }
        if (!SftpSchedule.IsValidCron(draft.Cron.Trim()))
            throw new DomainException(l["Sftp.CronInvalid", draft.Cron]);
    }

    private static bool HasControl(string text) => text.Any(char.IsControl);

    /// <summary>A key that will not open (a wrong or missing passphrase, a cut-off paste) is refused at once, not at
    /// the first pull hours later.</summary>
    private void EnsureKeyOpens(SftpHostDraft draft)
    {
        try
        {
            SshLogin.ReadKey(new SftpCredential.PrivateKey(draft.Secret, draft.Passphrase)).Dispose();
        }
        catch (SftpTransportException e)
        {
            throw new DomainException(l["Sftp.KeyUnreadable", e.Message]);
        }
    }

    private void Apply(SftpHostDraft draft, SftpHost host)
    {
        host.Name = draft.Name.Trim();
        host.Host = draft.Host.Trim();
        host.Port = draft.Port;
        host.UserName = draft.UserName.Trim();
        if (!string.IsNullOrWhiteSpace(draft.Secret))
        {
            host.AuthKind = draft.AuthKind;
            host.ProtectedSecret = credentials.Protect(draft.AuthKind == SftpAuthKind.PrivateKey ? draft.Secret.Trim() : draft.Secret);
            host.ProtectedPassphrase = draft.AuthKind == SftpAuthKind.PrivateKey && draft.Passphrase.Length > 0
                ? credentials.Protect(draft.Passphrase)
                : null;
        }
        else if (host.AuthKind != draft.AuthKind)
        {
            throw new DomainException(l[draft.AuthKind == SftpAuthKind.Password ? "Sftp.PasswordRequired" : "Sftp.KeyRequired"]);
        }
        host.RemoteFolder = draft.RemoteFolder.Trim();
        host.FilePattern = draft.FilePattern.Trim();
        host.ProjectId = draft.ProjectId;
        host.SupplierId = draft.SupplierId;
        host.SkipNumbersInOtherProjects = draft.SkipNumbersInOtherProjects;
        host.Cron = draft.Cron.Trim();
        host.Enabled = draft.Enabled;
        host.AfterImport = draft.AfterImport;
        host.ProcessedFolder = draft.ProcessedFolder.Trim();
        host.FailedFolder = draft.FailedFolder.Trim();
    }

    /// <summary>What the audit log keeps of a host: everything but the secret.</summary>
    private static object Describe(SftpHost host) => new
    {
        host.Name, host.Host, host.Port, host.UserName, auth = host.AuthKind.ToString(), passphrase = host.ProtectedPassphrase is not null, host.RemoteFolder, host.FilePattern,
        host.ProjectId, host.SupplierId, host.SkipNumbersInOtherProjects, host.Cron, host.Enabled,
        after_import = host.AfterImport.ToString(), host.ProcessedFolder, host.FailedFolder,
    };
}
