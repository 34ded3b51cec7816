using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Identity;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Data.Identity;
using PhoneCrm.Data.Projects;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Users;

/// <summary>
/// Administrators manage users here. Each operation runs in its own DI scope, so UserManager and the audit
/// row share one short-lived context and one transaction, not the circuit's.
/// </summary>
public sealed class UsersService(IServiceScopeFactory scopes, IStringLocalizer<Strings> l)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CurrentUser actor, CancellationToken cancellationToken = default)
    {
        actor.EnsureAdministrator(l);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = DateTimeOffset.UtcNow;
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.IsDisabled,
                LockedOut = u.LockoutEnd != null && u.LockoutEnd > now,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                Projects = db.ProjectManagers.Where(m => m.UserId == u.Id).Select(m => m.ProjectId).ToList(),
            })
            .ToListAsync(cancellationToken);
        return users.Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, u.Role ?? "", u.IsDisabled,
            u.LockedOut && !u.IsDisabled, u.Projects)).ToList();
    }

    public async Task CreateAsync(CurrentUser actor, NewUser input, CancellationToken cancellationToken = default)
    {
        actor.EnsureAdministrator(l);
        ThrowUnlessKnownRole(input.Role);
        await using var scope = scopes.CreateAsyncScope();
        var (db, users) = Services(scope);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new CrmUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            CreatedAt = DateTimeOffset.UtcNow,
            LockoutEnabled = true,
        };
        ThrowIfFailed(await users.CreateAsync(user, input.Password));
        ThrowIfFailed(await users.AddToRoleAsync(user, input.Role));
        db.AddAudit(actor.Actor, AuditActions.Create, AuditEntities.User, user.Id, null,
            new { user.UserName, user.DisplayName, input.Role });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SetRoleAsync(CurrentUser actor, string userId, string role, CancellationToken cancellationToken = default)
    {
        actor.EnsureAdministrator(l);
        ThrowUnlessKnownRole(role);
        if (userId == actor.UserId)
            throw new DomainException(l["Users.CannotChangeOwnRole"]);
        await using var scope = scopes.CreateAsyncScope();
        var (db, users) = Services(scope);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await FindAsync(users, userId);
        var oldRoles = await users.GetRolesAsync(user);
        ThrowIfFailed(await users.RemoveFromRolesAsync(user, oldRoles));
        ThrowIfFailed(await users.AddToRoleAsync(user, role));
        // A new security stamp ends the user's other sessions, so the new role applies at once.
        ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
        db.AddAudit(actor.Actor, AuditActions.RoleChange, AuditEntities.User, user.Id,
            new { user.UserName, Roles = oldRoles }, new { user.UserName, Roles = new[] { role } });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SetDisabledAsync(CurrentUser actor, string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        actor.EnsureAdministrator(l);
        if (userId == actor.UserId)
            throw new DomainException(l["Users.CannotDisableSelf"]);
        await using var scope = scopes.CreateAsyncScope();
        var (db, users) = Services(scope);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await FindAsync(users, userId);
        user.IsDisabled = disabled;
        ThrowIfFailed(await users.UpdateAsync(user));
        ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
        db.AddAudit(actor.Actor, disabled ? AuditActions.Disable : AuditActions.Enable, AuditEntities.User, user.Id,
            new { user.UserName, IsDisabled = !disabled }, new { user.UserName, IsDisabled = disabled });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Sets a new password, lifts a lockout and ends the user's sessions. The password is never audited.</summary>
    public async Task ResetPasswordAsync(CurrentUser actor, string userId, string newPassword, CancellationToken cancellationToken = default)
    {
        actor.EnsureAdministrator(l);
        await using var scope = scopes.CreateAsyncScope();
        var (db, users) = Services(scope);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await FindAsync(users, userId);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        ThrowIfFailed(await users.ResetPasswordAsync(user, token, newPassword));
        ThrowIfFailed(await users.SetLockoutEndDateAsync(user, null));
        ThrowIfFailed(await users.ResetAccessFailedCountAsync(user));
        db.AddAudit(actor.Actor, AuditActions.PasswordReset, AuditEntities.User, user.Id, null, new { user.UserName });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task AssignProjectsAsync(CurrentUser actor, string userId, IReadOnlyCollection<long> projectIds, CancellationToken cancellationToken = default)
    {
        actor.EnsureAdministrator(l);
        await using var scope = scopes.CreateAsyncScope();
        var (db, users) = Services(scope);
        var user = await FindAsync(users, userId);
        var current = await db.ProjectManagers.Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        var wanted = projectIds.ToHashSet();
        db.ProjectManagers.RemoveRange(current.Where(m => !wanted.Contains(m.ProjectId)));
        var kept = current.Select(m => m.ProjectId).ToHashSet();
        db.ProjectManagers.AddRange(wanted.Where(id => !kept.Contains(id)).Select(id => new ProjectManager { ProjectId = id, UserId = userId }));
        db.AddAudit(actor.Actor, AuditActions.AssignProjects, AuditEntities.User, userId,
            new { user.UserName, Projects = kept.Order().ToList() }, new { user.UserName, Projects = wanted.Order().ToList() });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static (CrmDbContext Db, UserManager<CrmUser> Users) Services(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<CrmDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>());

    private async Task<CrmUser> FindAsync(UserManager<CrmUser> users, string userId) =>
        await users.FindByIdAsync(userId) ?? throw new DomainException(l["Users.NotFound"]);

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private void ThrowUnlessKnownRole(string role)
    {
        if (!CrmRoles.All.Contains(role))
            throw new DomainException(l["Users.UnknownRole"]);
    }
}
