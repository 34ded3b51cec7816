using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Operations;

/// <summary>Serilog's request log: a line per request that says what was asked and by whom, and nothing secret.</summary>
public sealed class RequestLoggingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_request_is_logged_with_method_path_route_status_time_and_user_but_no_query_cookie_or_body()
    {
        const string secretQuery = "token-in-query-5f1c";
        using var client = await WebSession.SignInAsync(fixture.App, "admin", AppFixture.AdminPassword);
        var adminId = await fixture.Database.ScalarAsync<string>("SELECT id FROM users WHERE user_name = 'admin'");

        var response = await client.GetAsync($"/imports/999999/rejects.csv?secret={secretQuery}");

        var line = await fixture.App.WaitForOutputAsync(
            l => l.Contains("HTTP GET /imports/999999/rejects.csv ") && l.Contains(adminId), TimeSpan.FromSeconds(10));
        Assert.Contains($"responded {(int)response.StatusCode} in ", line);
        Assert.Contains("(/imports/{batchId:long}/rejects.csv)", line);
        Assert.DoesNotContain(fixture.App.Output, l => l.Contains(secretQuery));
        Assert.DoesNotContain(fixture.App.Output, l => l.Contains(".AspNetCore.Identity.Application"));
        Assert.DoesNotContain(fixture.App.Output, l => l.Contains(AppFixture.AdminPassword));
    }
}
