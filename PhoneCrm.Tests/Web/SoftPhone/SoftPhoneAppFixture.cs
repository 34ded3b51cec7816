using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.SoftPhone;

/// <summary>One app process with a webhook secret, and three projects that hold the same phone.</summary>
public sealed class SoftPhoneAppFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public AppProcess App { get; private set; } = default!;
    public string Secret { get; private set; } = "";
    public IReadOnlyList<long> Projects { get; private set; } = [];
    public const string SharedPhone = "+79161234567";

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Database).InitializeAsync();
        Secret = await SoftPhoneKit.CreateSecretAsync(Database);
        Projects = await ProjectSeeder.InsertAsync(Database, "Calls", 3);
        foreach (var project in Projects)
            await ScalarAsync<long>($"INSERT INTO numbers (project_id, phone) VALUES ({project}, '{SharedPhone}') RETURNING id");
        // Secrets read fresh on every request, so a revocation by the tests applies at once.
        App = await AppProcess.StartAsync(Database.ConnectionString, AppFixture.AdminPassword,
            new Dictionary<string, string?> { ["Crm__SoftPhone__SecretCacheSeconds"] = "0" });
    }

    public Task<T> ScalarAsync<T>(string sql) =>
        Database.ScalarAsync<T>(sql);

    /// <summary>Waits for the app's linker to link an event; see <see cref="SoftPhoneKit.LinkedNumbersAsync"/>.</summary>
    public Task<int> LinkedNumbersAsync(string eventId) => SoftPhoneKit.LinkedNumbersAsync(Database, eventId);

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
