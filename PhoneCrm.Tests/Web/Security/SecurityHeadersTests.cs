using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Security;

public sealed class SecurityHeadersTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        using var client = fixture.App.CreateClient();

        var response = await client.GetAsync("/login");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/projects")]
    [InlineData("/health/live")]
    public async Task Each_answer_has_one_content_security_policy_no_server_header_and_no_hsts_over_plain_http(string path)
    {
        using var client = fixture.App.CreateClient();

        var response = await client.GetAsync(path);

        var policies = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.ToList() : [];
        Assert.Single(policies);
        Assert.Contains("frame-ancestors 'none'", policies[0]);
        Assert.False(response.Headers.Contains("Server"), "the Server header is sent");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain http");
    }

    [Fact]
    public async Task Hsts_is_sent_when_a_known_proxy_says_the_request_came_over_https()
    {
        await using var app = await AppProcess.StartAsync(fixture.Database.ConnectionString, AppFixture.AdminPassword,
            new Dictionary<string, string?> { ["Crm__ForwardedHeaders__KnownProxies__0"] = "127.0.0.1" });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_on_the_webhook_get_405_with_problem_details_not_the_sign_in_page(string method)
    {
        using var client = fixture.App.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/softphone/events"));

        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_api_path_gets_401_with_problem_details_not_a_redirect()
    {
        using var client = fixture.App.CreateClient();

        var response = await client.GetAsync("/api/nothing-here");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Readiness_reports_database_migrations_and_scheduler()
    {
        using var client = fixture.App.CreateClient();

        var ready = await client.GetAsync("/health/ready");

        Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_default_language_is_russian_and_english_is_a_click_away()
    {
        using var client = fixture.App.CreateClient();

        var russian = await client.GetStringAsync("/login");
        var switched = await client.GetAsync("/culture?name=en&returnUrl=/login");
        var english = await client.GetStringAsync("/login");

        Assert.Contains("Войти", russian);
        Assert.Equal("/login", switched.Headers.Location?.OriginalString);
        Assert.Contains("Sign in", english);
        Assert.DoesNotContain("Войти", english);
    }
}
