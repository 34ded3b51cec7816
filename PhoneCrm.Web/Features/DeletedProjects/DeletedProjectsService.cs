using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Common;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Web.Features.Projects;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.DeletedProjects;

/// <summary>Soft-deleted projects: administrators restore them or delete them for good with their numbers.</summary>
public sealed class DeletedProjectsService(IDbContextFactory<CrmDbContext> contexts, IStringLocalizer<Strings> l)
{
    public async Task<IReadOnlyList<DeletedProjectRow>> ListAsync(CurrentUser user, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Projects.Where(p => p.DeletedAt != null).OrderByDescending(p => p.DeletedAt)
            .Select(p => new DeletedProjectRow(p.Id, p.Name, p.Description, p.DeletedAt!.Value, p.DeletedBy ?? ""))
            .ToListAsync(cancellationToken);
    }

    public async Task RestoreAsync(CurrentUser user, long id, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await DeletedProjectAsync(db, id, cancellationToken);
        if (await ProjectsService.IsNameTakenAsync(db, project.Name, project.Id, cancellationToken))
            throw new DomainException(l["DeletedProjects.NameTakenOnRestore", project.Name]);

        var deletedAt = project.DeletedAt;
        project.DeletedAt = null;
        project.DeletedBy = null;
        project.UpdatedAt = DateTimeOffset.UtcNow;
        project.UpdatedBy = user.UserName;
        db.AddAudit(user.Actor, AuditActions.Restore, AuditEntities.Project, id.ToString(),
            new { project.Name, deleted_at = deletedAt }, new { project.Name, deleted_at = (DateTimeOffset?)null });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new DomainException(l["DeletedProjects.NameTakenOnRestore", project.Name]);
        }
    }

    /// <summary>
    /// Removes the project and all its numbers. The numbers go as a partition DETACH + DROP (metadata only,
    /// fast at any size); the confirmation must repeat the project's name exactly.
    /// </summary>
    public async Task DeletePermanentlyAsync(CurrentUser user, long id, string typedName, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var project = await db.Projects.Include(p => p.Suppliers).Include(p => p.Geos)
            .SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt != null, cancellationToken)
            ?? throw new DomainException(l["Projects.NotFound"]);
        if (!string.Equals(typedName?.Trim(), project.Name, StringComparison.Ordinal))
            throw new DomainException(l["DeletedProjects.TypedNameMismatch"]);

        var before = ProjectsService.Snapshot(project);
        await db.Database.ExecuteSqlAsync($"SELECT drop_numbers_partition({id})", cancellationToken);
        db.Projects.Remove(project);
        db.AddAudit(user.Actor, AuditActions.PermanentDelete, AuditEntities.Project, id.ToString(), before, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<Core.Projects.Project> DeletedProjectAsync(CrmDbContext db, long id, CancellationToken cancellationToken) =>
        await db.Projects.SingleOrDefaultAsync(p => p.Id == id && p.DeletedAt != null, cancellationToken)
        ?? throw new DomainException(l["Projects.NotFound"]);
}
