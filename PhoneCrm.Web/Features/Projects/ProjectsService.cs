using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Projects;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Projects;

/// <summary>
/// Live projects: list, create, edit, soft delete. Administrators see all of them; a manager sees and edits
/// only those assigned to them. Every change is saved together with its audit row.
/// </summary>
public sealed class ProjectsService(IDbContextFactory<CrmDbContext> contexts, IStringLocalizer<Strings> l)
{
    public async Task<(IReadOnlyList<ProjectListRow> Rows, int Total)> ListAsync(
        CurrentUser user, ProjectListQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projects = VisibleProjects(db, user);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + EscapeLike(query.Search.Trim()) + "%";
            projects = projects.Where(p => EF.Functions.ILike(p.Name, pattern) || EF.Functions.ILike(p.Description ?? "", pattern));
        }
        if (query.SupplierId is { } supplierId)
            projects = projects.Where(p => p.Suppliers.Any(s => s.Id == supplierId));
        if (query.GeoId is { } geoId)
            projects = projects.Where(p => p.Geos.Any(g => g.Id == geoId));

        var total = await projects.CountAsync(cancellationToken);
        var page = await projects.OrderBy(p => p.Name).Skip(query.Skip).Take(query.Take)
            .Select(p => new
            {
                p.Id, p.Name, p.Description, p.Schedule, p.UpdatedAt, p.UpdatedBy,
                Suppliers = p.Suppliers.OrderBy(s => s.Name).Select(s => s.Name).ToList(),
                Geos = p.Geos.OrderBy(g => g.Code).Select(g => g.Code).ToList(),
            })
            .ToListAsync(cancellationToken);
        var rows = page.Select(p => new ProjectListRow(
            p.Id, p.Name, p.Description, p.Suppliers, p.Geos, p.Schedule, p.UpdatedAt, p.UpdatedBy)).ToList();
        return (rows, total);
    }

    public async Task<Project> GetAsync(CurrentUser user, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await VisibleProjects(db, user).Include(p => p.Suppliers).Include(p => p.Geos)
            .AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new DomainException(l["Projects.NotFound"]);
    }

    /// <summary>Every rule the draft breaks, as field and message, including a name taken by a live project.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> ValidateAsync(
        ProjectDraft draft, long? projectId, CancellationToken cancellationToken = default)
    {
        var violations = ProjectRules.Check(draft).Select(v => (v.Field, l[v.MessageKey].Value)).ToList();
        if (!string.IsNullOrWhiteSpace(draft.Name))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await IsNameTakenAsync(db, draft.Name, projectId, cancellationToken))
                violations.Add((nameof(ProjectDraft.Name), l["Validation.NameTaken", draft.Name.Trim()].Value));
        }
        return violations;
    }

    public async Task<long> CreateAsync(CurrentUser user, ProjectDraft draft, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        await ThrowIfInvalidAsync(draft, null, cancellationToken);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var project = new Project { CreatedAt = now, CreatedBy = user.UserName };
        await ApplyDraftAsync(db, project, draft, user, now, cancellationToken);
        db.Projects.Add(project);
        await SaveUniqueAsync(db, draft.Name, cancellationToken);
        // The numbers partition is made with the project, so imports never have to create it on the fly.
        await db.Database.ExecuteSqlAsync($"SELECT create_numbers_partition({project.Id})", cancellationToken);
        db.AddAudit(user.Actor, AuditActions.Create, AuditEntities.Project, project.Id.ToString(), null, Snapshot(project));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return project.Id;
    }

    public async Task UpdateAsync(CurrentUser user, long id, ProjectDraft draft, CancellationToken cancellationToken = default)
    {
        await ThrowIfInvalidAsync(draft, id, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await VisibleProjects(db, user).Include(p => p.Suppliers).Include(p => p.Geos)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new DomainException(l["Projects.NotFound"]);
        var before = Snapshot(project);
        await ApplyDraftAsync(db, project, draft, user, DateTimeOffset.UtcNow, cancellationToken);
        db.AddAudit(user.Actor, AuditActions.Update, AuditEntities.Project, id.ToString(), before, Snapshot(project));
        await SaveUniqueAsync(db, draft.Name, cancellationToken);
    }

    /// <summary>Takes the project out of every list and every manager's view; its data stays for a restore.</summary>
    public async Task SoftDeleteAsync(CurrentUser user, long id, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt == null, cancellationToken)
            ?? throw new DomainException(l["Projects.NotFound"]);
        project.DeletedAt = DateTimeOffset.UtcNow;
        project.DeletedBy = user.UserName;
        db.AddAudit(user.Actor, AuditActions.Delete, AuditEntities.Project, id.ToString(),
            new { project.Name, deleted_at = (DateTimeOffset?)null }, new { project.Name, project.DeletedAt, project.DeletedBy });
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static IQueryable<Project> VisibleProjects(CrmDbContext db, CurrentUser user)
    {
        var live = db.Projects.Where(p => p.DeletedAt == null);
        return user.IsAdministrator
            ? live
            : live.Where(p => db.ProjectManagers.Any(m => m.ProjectId == p.Id && m.UserId == user.UserId));
    }

    /// <summary>Refuses, as not found, a project the user may not see or that is deleted: the check every
    /// service of a project's data makes first.</summary>
    internal static async Task EnsureVisibleAsync(IDbContextFactory<CrmDbContext> contexts, CurrentUser user, long projectId,
        IStringLocalizer<Strings> l, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await VisibleProjects(db, user).AnyAsync(p => p.Id == projectId, cancellationToken))
            throw new DomainException(l["Projects.NotFound"]);
    }

    internal static object Snapshot(Project p) => new
    {
        p.Name, p.Description, p.DefaultCountry,
        Days = p.Schedule.Days.ToString(), WindowStart = p.Schedule.WindowStart.ToString("HH:mm"),
        WindowEnd = p.Schedule.WindowEnd.ToString("HH:mm"), p.Schedule.TimeZone,
        Suppliers = p.Suppliers.Select(s => s.Name).Order().ToList(),
        Geos = p.Geos.Select(g => g.Code).Order().ToList(),
    };

    private async Task ThrowIfInvalidAsync(ProjectDraft draft, long? projectId, CancellationToken cancellationToken)
    {
        var violations = await ValidateAsync(draft, projectId, cancellationToken);
        if (violations.Count > 0)
            throw new DomainException(string.Join(" ", violations.Select(v => v.Message)));
    }

    private static async Task ApplyDraftAsync(
        CrmDbContext db, Project project, ProjectDraft draft, CurrentUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        project.Name = draft.Name.Trim();
        project.Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
        project.DefaultCountry = draft.DefaultCountry;
        project.Schedule = draft.ToSchedule();
        project.Suppliers = await db.Suppliers.Where(s => draft.SupplierIds.Contains(s.Id)).ToListAsync(cancellationToken);
        project.Geos = await db.Geos.Where(g => draft.GeoIds.Contains(g.Id)).ToListAsync(cancellationToken);
        project.UpdatedAt = now;
        project.UpdatedBy = user.UserName;
    }

    internal static Task<bool> IsNameTakenAsync(CrmDbContext db, string name, long? exceptId, CancellationToken cancellationToken)
    {
        var normalized = name.Trim().ToLower();
        return db.Projects.AnyAsync(
            p => p.DeletedAt == null && p.Name.ToLower() == normalized && p.Id != (exceptId ?? 0), cancellationToken);
    }

    /// <summary>Two users saving the same name at once: the partial unique index decides, and the loser gets a message.</summary>
    private async Task SaveUniqueAsync(CrmDbContext db, string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainException(l["Validation.NameTaken", name.Trim()]);
        }
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
