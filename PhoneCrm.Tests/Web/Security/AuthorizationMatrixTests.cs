using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Security;

/// <summary>
/// Every routable page and every endpoint, requested over HTTP as anonymous, Manager and Administrator.
/// The table below must name every page the app has: a new page without an entry fails the first test.
/// </summary>
public sealed class AuthorizationMatrixTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private enum Outcome { Ok, ToLogin, Denied, RedirectHome, RedirectToTarget, NotFound, Unauthorized }

    private sealed record Expectation(string Method, string Route, Outcome Anonymous, Outcome Manager, Outcome Administrator);

    private static readonly Expectation[] _pages =
    [
        new("GET", "/", Outcome.ToLogin, Outcome.RedirectHome, Outcome.RedirectHome),
        new("GET", "/login", Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("GET", "/access-denied", Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("GET", "/error", Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("GET", "/projects", Outcome.ToLogin, Outcome.Ok, Outcome.Ok),
        new("GET", "/projects/deleted", Outcome.ToLogin, Outcome.Denied, Outcome.Ok),
        new("GET", "/users", Outcome.ToLogin, Outcome.Denied, Outcome.Ok),
        new("GET", "/suppliers", Outcome.ToLogin, Outcome.Denied, Outcome.Ok),
        new("GET", "/geos", Outcome.ToLogin, Outcome.Denied, Outcome.Ok),
        new("GET", "/audit", Outcome.ToLogin, Outcome.Denied, Outcome.Ok),
        new("GET", "/softphone", Outcome.ToLogin, Outcome.Denied, Outcome.Ok),
        new("GET", "/calls/unmatched", Outcome.ToLogin, Outcome.Denied, Outcome.Ok),
        new("GET", "/sftp", Outcome.ToLogin, Outcome.Denied, Outcome.Ok),
        new("GET", "/sftp/new", Outcome.ToLogin, Outcome.Denied, Outcome.Ok),
        // No such host: the page says so rather than failing.
        new("GET", "/sftp/{Id:long}", Outcome.ToLogin, Outcome.Denied, Outcome.Ok),
        new("GET", "/sftp/runs", Outcome.ToLogin, Outcome.Denied, Outcome.Ok),
        new("GET", "/imports", Outcome.ToLogin, Outcome.Ok, Outcome.Ok),
        // A manager reaches the page, whose service then refuses a project not assigned to them
        // (ProjectLifecycleTests and the browser tests check what the page shows).
        new("GET", "/projects/{ProjectId:long}/import", Outcome.ToLogin, Outcome.Ok, Outcome.Ok),
        new("GET", "/projects/{ProjectId:long}/numbers", Outcome.ToLogin, Outcome.Ok, Outcome.Ok),
        new("GET", "/projects/{ProjectId:long}/numbers/{NumberId:long}", Outcome.ToLogin, Outcome.Ok, Outcome.Ok),
        new("GET", "/conversion", Outcome.ToLogin, Outcome.Ok, Outcome.Ok),
        new("GET", "/projects/{ProjectId:long}/conversion", Outcome.ToLogin, Outcome.Ok, Outcome.Ok),
        new("GET", "/not-found", Outcome.ToLogin, Outcome.Ok, Outcome.Ok),
        // Where a user with a generated password sets their own (AdministratorSeedTests); open to any signed-in user.
        new("GET", "/account/password", Outcome.ToLogin, Outcome.Ok, Outcome.Ok),
    ];

    private static readonly Expectation[] _endpoints =
    [
        new("GET", "/audit/export.csv", Outcome.ToLogin, Outcome.Denied, Outcome.Ok),
        new("GET", "/health/live", Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("GET", "/health/ready", Outcome.Ok, Outcome.Ok, Outcome.Ok),
        // Open to the allowed networks (loopback by default) whoever asks; MetricsEndpointTests refuses other addresses.
        new("GET", "/metrics", Outcome.Ok, Outcome.Ok, Outcome.Ok),
        new("GET", "/culture?name=en&returnUrl=/projects", Outcome.RedirectToTarget, Outcome.RedirectToTarget, Outcome.RedirectToTarget),
        new("GET", "/projects/{ProjectId:long}/numbers/export.csv", Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        new("GET", "/projects/{ProjectId:long}/numbers/export.xlsx", Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        new("GET", "/imports/0/rejects.csv", Outcome.ToLogin, Outcome.NotFound, Outcome.NotFound),
        new("GET", "/projects/{ProjectId:long}/conversion/export.csv", Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        new("GET", "/projects/{ProjectId:long}/conversion/export.xlsx", Outcome.ToLogin, Outcome.NotFound, Outcome.Ok),
        // The webhook is authenticated by its signature, never by a login: a signed-in user without one is refused too.
        new("POST", "/api/softphone/events", Outcome.Unauthorized, Outcome.Unauthorized, Outcome.Unauthorized),
        new("GET", "/openapi/softphone.json", Outcome.Ok, Outcome.Ok, Outcome.Ok),
    ];

    [Fact]
    public void Every_routable_page_has_an_expectation()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Order()
            .ToList();

        Assert.Equal(_pages.Select(p => p.Route).Order(), routes);
    }

    [Fact]
    public async Task Anonymous_requests_get_what_the_table_says()
    {
        using var client = fixture.App.CreateClient();
        await AssertAllAsync(client, e => e.Anonymous);
    }

    [Fact]
    public async Task Manager_requests_get_what_the_table_says()
    {
        using var client = await WebSession.SignInAsync(fixture.App, AppFixture.ManagerName, TestAccounts.Password);
        await AssertAllAsync(client, e => e.Manager);
    }

    [Fact]
    public async Task Administrator_requests_get_what_the_table_says()
    {
        using var client = await WebSession.SignInAsync(fixture.App, "admin", AppFixture.AdminPassword);
        await AssertAllAsync(client, e => e.Administrator);
    }

    [Fact]
    public async Task An_address_no_page_claims_shows_the_apps_not_found_page_in_its_layout()
    {
        using var client = await WebSession.SignInAsync(fixture.App, AppFixture.ManagerName, TestAccounts.Password);

        var response = await client.GetAsync("/projects/oops/typo");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"not-found\"", page);
        Assert.Contains("Страница не найдена", page);
        Assert.Contains("href=\"/projects\"", page);

        // Another empty error answer (a filter value the export cannot bind) says what it is, with its code.
        var badRequest = await client.GetAsync($"/projects/{fixture.ProjectId}/numbers/export.csv?status=Bogus");
        Assert.Equal(HttpStatusCode.BadRequest, badRequest.StatusCode);
        var text = await badRequest.Content.ReadAsStringAsync();
        Assert.Contains("Запрос не выполнен", text);
        Assert.Contains("400", text);
    }

    [Fact]
    public async Task Logout_needs_the_antiforgery_token()
    {
        using var client = await WebSession.SignInAsync(fixture.App, AppFixture.ManagerName, TestAccounts.Password);

        var forged = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/projects")).StatusCode);
    }

    private string PathOf(Expectation entry) => entry.Route
        .Replace("{ProjectId:long}", fixture.ProjectId.ToString())
        .Replace("{NumberId:long}", fixture.NumberId.ToString())
        .Replace("{Id:long}", "999999");

    private async Task AssertAllAsync(HttpClient client, Func<Expectation, Outcome> expected)
    {
        var failures = new List<string>();
        foreach (var entry in _pages.Concat(_endpoints))
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(entry.Method), PathOf(entry)));
            var actual = Classify(response, PathOf(entry));
            if (actual != expected(entry))
                failures.Add($"{entry.Method} {PathOf(entry)}: expected {expected(entry)}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures) + Environment.NewLine + fixture.App.OutputTail(40));
    }

    private static Outcome Classify(HttpResponseMessage response, string path)
    {
        if (response.StatusCode == HttpStatusCode.OK)
            return Outcome.Ok;
        if (response.StatusCode == HttpStatusCode.NotFound)
            return Outcome.NotFound;
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            return Outcome.Unauthorized;
        var location = response.Headers.Location?.ToString() ?? "";
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found)
        {
            if (location.Contains("/login"))
                return Outcome.ToLogin;
            if (location.Contains("/access-denied"))
                return Outcome.Denied;
            if (path.StartsWith("/culture") && location == "/projects")
                return Outcome.RedirectToTarget;
            if (location.EndsWith("/projects"))
                return Outcome.RedirectHome;
        }
        return (Outcome)(-1);
    }
}
