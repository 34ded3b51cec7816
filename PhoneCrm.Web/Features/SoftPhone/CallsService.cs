using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PhoneCrm.Data;
using PhoneCrm.Data.SoftPhone;
using PhoneCrm.Web.Features.Projects;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>Calls as a user sees them: whether their toasts are muted, which projects' calls they may see, and the unmatched calls list.</summary>
public sealed class CallsService(
    IDbContextFactory<CrmDbContext> contexts, CallEventQueries queries, IStringLocalizer<Strings> l)
{
    public async Task<bool> IsMutedAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == user.UserId).Select(u => u.CallToastsMuted).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task SetMutedAsync(CurrentUser user, bool muted, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == user.UserId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.CallToastsMuted, muted), cancellationToken);
    }

    /// <summary>The projects whose calls the user may see; null for administrators, who see all.</summary>
    public async Task<IReadOnlySet<long>?> VisibleProjectsAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        if (user.IsAdministrator)
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await ProjectsService.VisibleProjects(db, user).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<IReadOnlyList<CallRow>> UnmatchedAsync(CurrentUser user, CallCursor? after, int size, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        return await queries.UnmatchedAsync(after, Math.Clamp(size, 1, 200), cancellationToken);
    }
}
