using System.Net;
using Microsoft.EntityFrameworkCore;
using PhoneCrm.Core.Identity;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Security;

public sealed class LoginTests(AppFixture fixture) : IClassFixture<AppFixture>
{
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
