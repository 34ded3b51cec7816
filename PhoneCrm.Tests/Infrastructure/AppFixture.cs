using PhoneCrm.Core.Identity;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>One app process on its own database for a test class, with an administrator and a manager.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string AdminPassword = "admin password for tests";

    public TestDatabase Database { get; } = new();
    public AppProcess App { get; private set; } = default!;
    public string ManagerId { get; private set; } = "";
    public const string ManagerName = "manager1";

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Database).InitializeAsync();
        App = await AppProcess.StartAsync(Database.ConnectionString, AdminPassword);
        ManagerId = await TestAccounts.CreateAsync(Database, ManagerName, CrmRoles.Manager);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
