using System.Net;
using Microsoft.EntityFrameworkCore;
using PhoneCrm.Core.Identity;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Security;

public sealed class LoginTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var userName = "lockme-" + Guid.NewGuid().ToString("N")[..6];
        await TestAccounts.CreateAsync(fixture.Database, userName, CrmRoles.Manager);
        using var client = fixture.App.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await WebSession.PostLoginAsync(client, userName, "not the password " + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await WebSession.PostLoginAsync(client, userName, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var page = await right.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"login-error\"", page);
        Assert.Contains("15", page);
        await using var db = fixture.Database.CreateContext();
        var failed = await db.AuditLog.CountAsync(a => a.Action == "login_failed" && a.Actor == userName);
        Assert.Equal(6, failed);
        Assert.True(await db.Users.AnyAsync(u => u.UserName == userName && u.LockoutEnd > DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Sign_in_and_sign_out_are_audited_with_address_and_user_agent()
    {
        using var client = await WebSession.SignInAsync(fixture.App, AppFixture.ManagerName, TestAccounts.Password);
        var logoutPage = await client.GetStringAsync("/projects");
        var token = WebSession.FormToken(logoutPage, "The layout's sign-out form");

        var logout = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Contains("/login", (await client.GetAsync("/projects")).Headers.Location?.ToString());
        await using var db = fixture.Database.CreateContext();
        var rows = await db.AuditLog.Where(a => a.Actor == AppFixture.ManagerName && (a.Action == "login" || a.Action == "logout"))
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Contains(rows, a => a.Action == "login" && a.IpAddress == "127.0.0.1");
        Assert.Contains(rows, a => a.Action == "logout" && a.UserId == fixture.ManagerId);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        var userName = "disabled-" + Guid.NewGuid().ToString("N")[..6];
        var id = await TestAccounts.CreateAsync(fixture.Database, userName, CrmRoles.Manager);
        await using (var db = fixture.Database.CreateContext())
        {
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true));
        }
        using var client = fixture.App.CreateClient();

        var response = await WebSession.PostLoginAsync(client, userName, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"login-error\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        using var client = fixture.App.CreateClient();
        var form = await client.GetStringAsync("/login?returnUrl=https://evil.example/");
        Assert.Contains("action=\"/login", form);

        var response = await client.GetAsync("/culture?name=en&returnUrl=//evil.example/");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
