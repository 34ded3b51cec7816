using Microsoft.EntityFrameworkCore;
using PhoneCrm.Data;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>
/// Each live project's default country, for normalising national-format phones in events that name a project.
/// Read again every 30 seconds, and at most every 2 seconds when an event names a project not yet known.
/// </summary>
public sealed class ProjectCountries(IDbContextFactory<CrmDbContext> contexts, SoftPhoneOptions options, TimeProvider clock)
{
    private static readonly TimeSpan _maxAge = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _minAge = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile IReadOnlyDictionary<long, string> _countries = new Dictionary<long, string>();
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public async ValueTask<Func<long?, string>> ResolverAsync(IEnumerable<long> projectIds, CancellationToken cancellationToken)
    {
        var age = clock.GetUtcNow() - _readAt;
        if (age > _maxAge || (age > _minAge && projectIds.Any(id => !_countries.ContainsKey(id))))
            await ReloadAsync(cancellationToken);
        var countries = _countries;
        return id => id is { } known && countries.TryGetValue(known, out var country) ? country : options.DefaultCountry;
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        if (!await _reload.WaitAsync(0, cancellationToken))
            return; // another request is reading them; this one uses what is there
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            _countries = await db.Projects.AsNoTracking().Where(p => p.DeletedAt == null)
                .ToDictionaryAsync(p => p.Id, p => p.DefaultCountry.Trim(), cancellationToken);
            _readAt = clock.GetUtcNow();
        }
        finally
        {
            _reload.Release();
        }
    }
}
