using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Core.SoftPhone;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Data.SoftPhone;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>
/// What administrators set for SoftPhone: the webhook's shared secrets and what call results do to numbers; and how
/// far behind the linking of stored events is.
/// </summary>
public sealed class SoftPhoneSettingsService(
    IDbContextFactory<CrmDbContext> contexts, WebhookSecretRing ring, CallEventQueries calls, IStringLocalizer<Strings> l)
{
    public Task<CallLinkBacklog> LinkBacklogAsync(CurrentUser user, int countUpTo, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        return calls.LinkBacklogAsync(countUpTo, cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookSecret>> SecretsAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookSecrets.AsNoTracking().OrderByDescending(s => s.RevokedAt == null).ThenByDescending(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Makes a new random secret and returns it in clear: the only time anyone sees it.</summary>
    public async Task<string> CreateSecretAsync(CurrentUser user, string name, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        name = name.Trim();
        if (name.Length == 0)
            throw new DomainException(l["Validation.NameRequired"]);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        if (await db.WebhookSecrets.CountAsync(s => s.RevokedAt == null, cancellationToken) >= WebhookSecret.MaxActive)
            throw new DomainException(l["SoftPhone.TooManySecrets", new Quantity(WebhookSecret.MaxActive)]);

        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var row = new WebhookSecret
        {
            Name = name,
            ProtectedSecret = Convert.ToBase64String(ring.Protector.Protect(System.Text.Encoding.UTF8.GetBytes(secret))),
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = user.UserName,
        };
        db.WebhookSecrets.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.AddAudit(user.Actor, AuditActions.Create, AuditEntities.WebhookSecret, row.Id.ToString(), null, new { row.Name });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ring.Invalidate();
        return secret;
    }

    public async Task RevokeSecretAsync(CurrentUser user, long id, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.WebhookSecrets.SingleOrDefaultAsync(s => s.Id == id && s.RevokedAt == null, cancellationToken)
                  ?? throw new DomainException(l["SoftPhone.SecretNotFound"]);
        row.RevokedAt = DateTimeOffset.UtcNow;
        row.RevokedBy = user.UserName;
        db.AddAudit(user.Actor, AuditActions.Revoke, AuditEntities.WebhookSecret, row.Id.ToString(), new { row.Name }, null);
        await db.SaveChangesAsync(cancellationToken);
        ring.Invalidate();
    }

    public async Task<IReadOnlyList<CallResultStatus>> ResultStatusesAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CallResultStatuses.AsNoTracking().OrderBy(r => r.Result).ToListAsync(cancellationToken);
    }

    /// <summary>Adds or changes what a result does; results are matched lower-case, as the webhook stores them.</summary>
    public async Task SaveResultStatusAsync(CurrentUser user, string result, NumberStatus status, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        result = result.Trim().ToLowerInvariant();
        if (result.Length is 0 or > 64)
            throw new DomainException(l["SoftPhone.ResultRequired"]);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.CallResultStatuses.SingleOrDefaultAsync(r => r.Result == result, cancellationToken);
        var before = row is null ? null : new { row.Result, row.Status };
        if (row is null)
            db.CallResultStatuses.Add(row = new CallResultStatus { Result = result });
        row.Status = status;
        row.UpdatedAt = DateTimeOffset.UtcNow;
        db.AddAudit(user.Actor, before is null ? AuditActions.Create : AuditActions.Update, AuditEntities.CallResultStatus,
            result, before, new { row.Result, row.Status });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteResultStatusAsync(CurrentUser user, string result, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.CallResultStatuses.SingleOrDefaultAsync(r => r.Result == result, cancellationToken);
        if (row is null)
            return;
        db.CallResultStatuses.Remove(row);
        db.AddAudit(user.Actor, AuditActions.Delete, AuditEntities.CallResultStatus, result, new { row.Result, row.Status }, null);
        await db.SaveChangesAsync(cancellationToken);
    }
}
