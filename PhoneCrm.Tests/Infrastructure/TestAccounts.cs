using Microsoft.AspNetCore.Identity;
using PhoneCrm.Core.Identity;
using PhoneCrm.Data.Identity;
using PhoneCrm.Data.Projects;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>Users written straight into a test database, hashed exactly as Identity hashes them.</summary>
public static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    public static async Task<string> CreateAsync(TestDatabase database, string userName, string role, params long[] projectIds)
    {
        var user = new CrmUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = userName,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        user.PasswordHash = new PasswordHasher<CrmUser>().HashPassword(user, Password);
        await using var db = database.CreateContext();
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role == CrmRoles.Administrator ? "administrator" : "manager" });
        await db.SaveChangesAsync();
        // After the user: the model has no navigation from assignments to users, so EF would not order the inserts.
        db.ProjectManagers.AddRange(projectIds.Select(id => new ProjectManager { ProjectId = id, UserId = user.Id }));
        await db.SaveChangesAsync();
        return user.Id;
    }
}
