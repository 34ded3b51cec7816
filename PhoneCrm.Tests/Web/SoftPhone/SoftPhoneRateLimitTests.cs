using System.Net;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.SoftPhone;

public sealed class SoftPhoneRateLimitTests(SoftPhoneAppFixture fixture) : IClassFixture<SoftPhoneAppFixture>
{
    [Fact]
    public async Task Requests_past_the_configured_limit_get_429()
    {
        await using var app = await AppProcess.StartAsync(fixture.Database.ConnectionString, AppFixture.AdminPassword,
            new Dictionary<string, string?> { ["Crm__SoftPhone__RateLimitPermits"] = "5", ["Crm__SoftPhone__RateLimitWindowSeconds"] = "600" });
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
            statuses.Add((await SoftPhoneKit.PostAsync(client, SoftPhoneKit.Event(Guid.NewGuid().ToString(), "+79990001111"), fixture.Secret)).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
