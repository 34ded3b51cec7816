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
