using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Identity;
using PhoneCrm.Data;
using PhoneCrm.Data.Identity;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Projects;
using PhoneCrm.Web.Features.Users;
using PhoneCrm.Web.Setup;

namespace PhoneCrm.Tests.Web.Users;

/// <summary>User administration through the service the Users page calls, with Identity's real stores.</summary>
public sealed class UsersServiceTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private UsersService CreateService(out IServiceProvider services)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddDataProtection();
        collection.AddDbContext<CrmDbContext>(o => o.UseNpgsql(database.DataSource));
        collection.AddSingleton(TestLocalizer.Create());
        collection.AddCrmIdentityCore();
        services = collection.BuildServiceProvider();
        return new UsersService(services.GetRequiredService<IServiceScopeFactory>(), TestLocalizer.Create());
    }

    [Fact]
    public async Task An_administrator_creates_a_manager_and_manages_them()
    {
        var users = CreateService(out var services);
        var name = "m" + Guid.NewGuid().ToString("N")[..8];

        await users.CreateAsync(TestUsers.Administrator, new NewUser { UserName = name, DisplayName = "Maria", Role = CrmRoles.Manager, Password = "long enough password" });
        var created = (await users.ListAsync(TestUsers.Administrator)).Single(u => u.UserName == name);
        Assert.Equal(CrmRoles.Manager, created.Role);

        var projectId = await new ProjectsService(database, TestLocalizer.Create())
            .CreateAsync(TestUsers.Administrator, new() { Name = "For " + name });
        await users.AssignProjectsAsync(TestUsers.Administrator, created.Id, [projectId]);
        await users.SetDisabledAsync(TestUsers.Administrator, created.Id, true);
        await users.ResetPasswordAsync(TestUsers.Administrator, created.Id, "another long password");
        await users.SetRoleAsync(TestUsers.Administrator, created.Id, CrmRoles.Administrator);

        var after = (await users.ListAsync(TestUsers.Administrator)).Single(u => u.UserName == name);
        Assert.Equal([projectId], after.ProjectIds);
        Assert.True(after.IsDisabled);
        Assert.Equal(CrmRoles.Administrator, after.Role);
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        Assert.True(await manager.CheckPasswordAsync((await manager.FindByNameAsync(name))!, "another long password"));
        await using var db = database.CreateContext();
        var actions = await db.AuditLog.Where(a => a.EntityType == "user" && a.EntityId == created.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["create", "assign_projects", "disable", "password_reset", "role_change"], actions);
        var rows = await db.AuditLog.Where(a => a.EntityId == created.Id).ToListAsync();
        var json = string.Join(" ", rows.Select(a => a.OldValues + a.NewValues));
        Assert.DoesNotContain("another long password", json);
    }

    [Fact]
    public async Task Short_passwords_and_self_demotion_are_refused_with_a_message()
    {
        var users = CreateService(out _);
        using var russian = new CultureScope("ru");

        var shortPassword = await Assert.ThrowsAsync<DomainException>(() => users.CreateAsync(TestUsers.Administrator,
            new NewUser { UserName = "short" + Guid.NewGuid().ToString("N")[..6], Role = CrmRoles.Manager, Password = "too short" }));
        var self = await Assert.ThrowsAsync<DomainException>(() => users.SetRoleAsync(TestUsers.Administrator, TestUsers.Administrator.UserId, CrmRoles.Manager));
        var notAdmin = await Assert.ThrowsAsync<DomainException>(() => users.ListAsync(TestUsers.Manager("someone")));

        // Identity's own messages come in the user's language too.
        Assert.Equal("Пароль должен быть не короче 12 символов.", shortPassword.Message);
        Assert.False(string.IsNullOrWhiteSpace(self.Message));
        Assert.False(string.IsNullOrWhiteSpace(notAdmin.Message));
    }
}
