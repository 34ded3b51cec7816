using System.Net;
using Microsoft.EntityFrameworkCore;
using PhoneCrm.Core.Identity;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Security;

/// <summary>Behind a TLS-ending proxy: forwarded headers are believed from the configured proxy only.</summary>
public sealed class ForwardedHeadersTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string ClientAddress = "203.0.113.7";

    [Fact]
    public async Task From_a_configured_proxy_the_client_address_is_audited_and_the_sign_in_cookie_is_secure()
    {
        await using var app = await AppProcess.StartAsync(fixture.Database.ConnectionString, AppFixture.AdminPassword,
            new Dictionary<string, string?> { ["Crm__ForwardedHeaders__KnownProxies__0"] = "127.0.0.1" });
        var userName = await NewManagerAsync();

        var signIn = await SignInThroughProxyAsync(app, userName);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("phonecrm.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([ClientAddress], await LoginAddressesAsync(userName));
    }

    [Fact]
    public async Task Without_configured_proxies_forwarded_headers_are_ignored()
    {
        var userName = await NewManagerAsync();

        var signIn = await SignInThroughProxyAsync(fixture.App, userName);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("phonecrm.auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["127.0.0.1"], await LoginAddressesAsync(userName));
    }

    /// <summary>
    /// Signs in with the headers a TLS-ending proxy adds. Cookies are carried by hand: a cookie container would not
    /// send a Secure cookie back over the test's plain HTTP.
    /// </summary>
    private static async Task<HttpResponseMessage> SignInThroughProxyAsync(AppProcess app, string userName)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ClientAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var form = await client.GetAsync("/login");
        var cookies = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = WebSession.FormToken(await form.Content.ReadAsStringAsync(), "The login page");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = userName,
                ["Input.Password"] = TestAccounts.Password,
            }),
        };
        post.Headers.Add("Cookie", cookies);
        return await client.SendAsync(post);
    }

    private async Task<string> NewManagerAsync()
    {
        var userName = "proxied-" + Guid.NewGuid().ToString("N")[..6];
        await TestAccounts.CreateAsync(fixture.Database, userName, CrmRoles.Manager);
        return userName;
    }

    private async Task<List<string?>> LoginAddressesAsync(string userName)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.AuditLog.Where(a => a.Action == "login" && a.Actor == userName)
            .Select(a => a.IpAddress).ToListAsync();
    }
}
