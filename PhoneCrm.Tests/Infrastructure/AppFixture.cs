using PhoneCrm.Core.Identity;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>One app process on its own database for a test class, with an administrator and a manager.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string AdminPassword = "admin password for tests";

    public TestDatabase Database { get; } = new();
    public AppProcess App { get; private set; } = default!;
    public string ManagerId { get; private set; } = "";

    /// <summary>A project the manager is not assigned to, with one number.</summary>
    public long ProjectId { get; private set; }
    public long NumberId { get; private set; }
    public const string ManagerName = "manager1";

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Database).InitializeAsync();
        App = await AppProcess.StartAsync(Database.ConnectionString, AdminPassword);
        ManagerId = await TestAccounts.CreateAsync(Database, ManagerName, CrmRoles.Manager);
        ProjectId = await new PhoneCrm.Web.Features.Projects.ProjectsService(Database, TestLocalizer.Create())
            .CreateAsync(TestUsers.Administrator, new() { Name = "Fixture project" });
        await using var command = Database.DataSource.CreateCommand(
            $"INSERT INTO numbers (project_id, phone) VALUES ({ProjectId}, '+79120000000') RETURNING id");
        NumberId = (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
