using System.Net;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Tests.Web.SoftPhone;

namespace PhoneCrm.Tests.Web.Metrics;

/// <summary>/metrics of a real app process: the counters move with the work, and only allowed addresses may read them.</summary>
public sealed class MetricsEndpointTests(SoftPhoneAppFixture fixture) : IClassFixture<SoftPhoneAppFixture>
{
    [Fact]
    public async Task Webhook_events_refusals_and_http_requests_are_counted()
    {
        using var client = fixture.App.CreateClient();
        var before = await MetricsScrape.ReadAsync(fixture.App);
        var first = Guid.NewGuid().ToString();
        var body = SoftPhoneKit.Batch([SoftPhoneKit.Event(first, "+79990001001"), SoftPhoneKit.Event(Guid.NewGuid().ToString(), "+79990001002")]);

        Assert.Equal(HttpStatusCode.OK, (await SoftPhoneKit.PostAsync(client, body, fixture.Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SoftPhoneKit.PostAsync(client, SoftPhoneKit.Event(first, "+79990001001"), fixture.Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SoftPhoneKit.PostAsync(client, body, "whsec_wrong")).StatusCode);

        var after = await MetricsScrape.ReadAsync(fixture.App);
        double Moved(string name, params string[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        Assert.Equal(3, Moved("phonecrm_webhook_events", "outcome=\"received\""));
        Assert.Equal(2, Moved("phonecrm_webhook_events", "outcome=\"stored\""));
        Assert.Equal(1, Moved("phonecrm_webhook_events", "outcome=\"duplicate\""));
        Assert.Equal(1, Moved("phonecrm_webhook_refused", "reason=\"signature\""));
        Assert.Equal(3, Moved("http_requests_received_total", "endpoint=\"/api/softphone/events\""));
        Assert.Equal(1, Moved("http_requests_received_total", "endpoint=\"/api/softphone/events\"", "code=\"401\""));
    }

    [Fact]
    public async Task The_board_finds_the_database_pool_circuits_linker_and_health_series()
    {
        // Health states and the backlog are sampled every 15 s from the start.
        var deadline = DateTime.UtcNow.AddSeconds(40);
        MetricsScrape scrape;
        while (!(scrape = await MetricsScrape.ReadAsync(fixture.App)).Has("phonecrm_health_status") || !scrape.Has("phonecrm_linker_backlog"))
        {
            Assert.True(DateTime.UtcNow < deadline, "no health or backlog series within 40 s:\n" + scrape.Text);
            await Task.Delay(500);
        }

        Assert.Equal(2, scrape.Sum("phonecrm_health_status", "check=\"call_listener\""));
        Assert.Equal(2, scrape.Sum("phonecrm_health_status", "check=\"database\""));
        Assert.Contains("npgsql_", scrape.Text);
    }

    [Fact]
    public async Task Metrics_are_refused_to_an_address_outside_the_allowed_networks()
    {
        await using var app = await AppProcess.StartAsync(fixture.Database.ConnectionString, AppFixture.AdminPassword,
            new Dictionary<string, string?>
            {
                ["Crm__Metrics__AllowedNetworks__0"] = "10.20.0.0/16",
                // A load balancer on loopback that forwards an intranet client's request.
                ["Crm__ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            });
        using var client = app.CreateClient();

        var direct = await client.GetAsync("/metrics");
        var forwardedRequest = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        forwardedRequest.Headers.Add("X-Forwarded-For", "10.30.1.2");
        var forwarded = await client.SendAsync(forwardedRequest);
        var allowedRequest = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        allowedRequest.Headers.Add("X-Forwarded-For", "10.20.7.8");
        var allowed = await client.SendAsync(allowedRequest);

        Assert.Equal(HttpStatusCode.Forbidden, direct.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forwarded.StatusCode);
        Assert.DoesNotContain("phonecrm_", await forwarded.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("http_requests_received_total", await allowed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_allowed_network_stops_the_start_with_the_settings_name()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => AppProcess.StartAsync(fixture.Database.ConnectionString,
            AppFixture.AdminPassword, new Dictionary<string, string?> { ["Crm__Metrics__AllowedNetworks__0"] = "intranet" }));

        Assert.Contains("Crm:Metrics:AllowedNetworks", error.Message);
    }
}
