using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using PhoneCrm.Core.SoftPhone;
using PhoneCrm.Data;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>
/// The active webhook secrets, decrypted, kept in memory for a few seconds so that a busy webhook does not read
/// and decrypt them per request. A change made on this instance applies at once; one made on another instance
/// applies within <see cref="SoftPhoneOptions.SecretCacheSeconds"/>.
/// </summary>
public sealed class WebhookSecretRing(
    IDbContextFactory<CrmDbContext> contexts, IDataProtectionProvider protection, SoftPhoneOptions options, TimeProvider clock)
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private (IReadOnlyList<byte[]> Secrets, DateTimeOffset ReadAt)? _cached;

    // Bumped by Invalidate: a reload that started before a change must not put the old list back.
    private long _generation;

    public IDataProtector Protector => protection.CreateProtector(WebhookSecret.ProtectionPurpose);

    public async ValueTask<IReadOnlyList<byte[]>> ActiveAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } fresh && clock.GetUtcNow() - fresh.ReadAt < TimeSpan.FromSeconds(options.SecretCacheSeconds))
            return fresh.Secrets;
        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } other && clock.GetUtcNow() - other.ReadAt < TimeSpan.FromSeconds(options.SecretCacheSeconds))
                return other.Secrets;
            var generation = Interlocked.Read(ref _generation);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var stored = await db.WebhookSecrets.AsNoTracking().Where(s => s.RevokedAt == null)
                .Select(s => s.ProtectedSecret).ToListAsync(cancellationToken);
            var protector = Protector;
            var secrets = stored.Select(s => protector.Unprotect(Convert.FromBase64String(s))).ToList();
            if (Interlocked.Read(ref _generation) == generation)
                _cached = (secrets, clock.GetUtcNow());
            return secrets;
        }
        finally
        {
            _reload.Release();
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _cached = null;
    }
}
