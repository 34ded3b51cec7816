using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Conversions;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Data.Conversions;
using PhoneCrm.Web.Features.Projects;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Conversions;

/// <summary>
/// Conversion figures for the projects a user may see (administrators: all live projects; managers: theirs),
/// read from the rollup; and the rebuild for repairs.
/// </summary>
public sealed class ConversionsService(
    IDbContextFactory<CrmDbContext> contexts, ConversionQueries queries, ConversionRollup rollup, IStringLocalizer<Strings> l,
    TimeProvider clock)
{
    /// <summary>The range a page opens with, ending on the latest today among the projects it shows (one, or all visible).</summary>
    public async Task<(DateOnly From, DateOnly To)> DefaultRangeAsync(CurrentUser user, long? projectId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = ProjectsService.VisibleProjects(db, user);
        if (projectId is { } id)
            projects = projects.Where(p => p.Id == id);
        var zones = await projects.Select(p => p.Schedule.TimeZone).Distinct().ToListAsync(cancellationToken);
        return ConversionDefaultRange.For(clock.GetUtcNow(), zones);
    }

    /// <summary>One project's dashboard; refuses a project the user may not see.</summary>
    public async Task<ConversionDashboard> ProjectAsync(CurrentUser user, long projectId, DateOnly from, DateOnly to,
        CancellationToken cancellationToken = default)
    {
        await ProjectsService.EnsureVisibleAsync(contexts, user, projectId, l, cancellationToken);
        var query = new ConversionQuery([projectId], from, to);
        var daily = await queries.GroupedAsync(query, ConversionGrouping.Day, cancellationToken);
        return new ConversionDashboard(
            ConversionFigures.Sum(daily.Select(d => d.Figures)),
            daily,
            await queries.GroupedAsync(query, ConversionGrouping.Supplier, cancellationToken),
            await queries.GroupedAsync(query, ConversionGrouping.Geo, cancellationToken),
            await queries.LastRunAsync(cancellationToken));
    }

    /// <summary>Every visible project's totals in the range, including projects with nothing yet.</summary>
    public async Task<IReadOnlyList<ConversionGroup>> OverviewAsync(CurrentUser user, DateOnly from, DateOnly to,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = await ProjectsService.VisibleProjects(db, user).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var figures = (await queries.GroupedAsync(new ConversionQuery(projects.Select(p => p.Id).ToList(), from, to),
            ConversionGrouping.Project, cancellationToken)).ToDictionary(g => g.Id);
        return projects.Select(p => figures.GetValueOrDefault(p.Id) ?? new ConversionGroup(p.Id, null, p.Name, ConversionFigures.Zero))
            .ToList();
    }

    /// <summary>The name of a project the user may see, for the page heading.</summary>
    public async Task<string> ProjectNameAsync(CurrentUser user, long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ProjectsService.VisibleProjects(db, user).Where(p => p.Id == projectId).Select(p => p.Name)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new DomainException(l["Projects.NotFound"]);
    }

    public Task<DateTimeOffset?> UpdatedAtAsync(CancellationToken cancellationToken = default) => queries.LastRunAsync(cancellationToken);

    /// <summary>Recomputes the whole rollup from numbers (administrators; audited): for repairs, not routine.</summary>
    public async Task<TimeSpan> RebuildAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        var elapsed = await rollup.RebuildAsync(null, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A rebuild is a run of the rollup that a person started: audited as the job's run, under its own id.
        db.AddAudit(user.Actor, AuditActions.JobRun, AuditEntities.Job, "conversion-rollup-rebuild", null,
            new { elapsed_ms = (long)elapsed.TotalMilliseconds });
        await db.SaveChangesAsync(cancellationToken);
        return elapsed;
    }
}
