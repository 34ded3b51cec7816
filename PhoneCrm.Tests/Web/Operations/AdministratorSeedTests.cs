using System.Net;
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

    [Fact]
    public async Task A_generated_password_opens_only_the_page_that_sets_a_new_one()
    {
        await using var database = await TestDatabase.CreateAsync("admin_seed");
        await using var app = await AppProcess.StartAsync(database.ConnectionString, "", new Dictionary<string, string?> { ["Crm__AdminPassword"] = null });
        var line = await app.WaitForOutputAsync(l => l.Contains("Password:"), TimeSpan.FromSeconds(20));
        var generated = line[(line.IndexOf("Password:", StringComparison.Ordinal) + "Password:".Length)..].Trim();
        using var client = await WebSession.SignInAsync(app, "admin", generated);

        var projects = await client.GetAsync("/projects");
        Assert.Equal(HttpStatusCode.Redirect, projects.StatusCode);
        Assert.Equal("/account/password", projects.Headers.Location?.OriginalString);

        var form = await client.GetStringAsync("/account/password");
        var token = WebSession.FormToken(form, "The password page");
        FormUrlEncodedContent Change(string confirm) => new(new Dictionary<string, string>
        {
            ["_handler"] = "first-password",
            ["__RequestVerificationToken"] = token,
            ["Input.CurrentPassword"] = generated,
            ["Input.NewPassword"] = "the administrator's own password",
            ["Input.ConfirmPassword"] = confirm,
        });

        var mismatch = await client.PostAsync("/account/password", Change("something else entirely"));
        Assert.Contains("data-testid=\"password-error\"", await mismatch.Content.ReadAsStringAsync());
        var changed = await client.PostAsync("/account/password", Change("the administrator's own password"));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/projects")).StatusCode);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'password_change' AND actor = 'admin'"));
        using var again = await WebSession.SignInAsync(app, "admin", "the administrator's own password");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/projects")).StatusCode);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
