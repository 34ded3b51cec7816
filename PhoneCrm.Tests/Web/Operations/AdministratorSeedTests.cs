using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Operations;

public sealed class AdministratorSeedTests
{
    [Fact]
    public async Task Without_a_configured_password_one_is_generated_printed_once_and_works()
    {
        await using var database = await TestDatabase.CreateAsync("admin_seed");
        var noPassword = new Dictionary<string, string?> { ["Crm__AdminPassword"] = null };

        string password;
        await using (var app = await AppProcess.StartAsync(database.ConnectionString, "", noPassword))
        {
            var line = await app.WaitForOutputAsync(l => l.Contains("Password:"), TimeSpan.FromSeconds(20));
            password = line[(line.IndexOf("Password:", StringComparison.Ordinal) + "Password:".Length)..].Trim();
            Assert.True(password.Length >= 12, $"generated password '{password}' is too short");
            using var client = await WebSession.SignInAsync(app, "admin", password);
            await app.StopAsync();
        }

        await using var restarted = await AppProcess.StartAsync(database.ConnectionString, "", noPassword);
        using var again = await WebSession.SignInAsync(restarted, "admin", password);
        Assert.DoesNotContain(restarted.Output, l => l.Contains("Password:"));
        var logs = Directory.GetFiles(Path.Combine(AppProcess.AppDirectory, "logs"), "*.log");
        Assert.All(logs, file => Assert.DoesNotContain(password, ReadShared(file)));
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
