using System.Net;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.SoftPhone;

public sealed class CallEventListenerTests(SoftPhoneAppFixture fixture) : IClassFixture<SoftPhoneAppFixture>
{
    [Fact]
    public async Task A_cut_listen_connection_reconnects_by_itself_and_replays_the_events_it_missed()
    {
        await using var app = await AppProcess.StartAsync(fixture.Database.ConnectionString, AppFixture.AdminPassword,
            new Dictionary<string, string?> { ["Crm__SoftPhone__ListenerReconnectSeconds"] = "3" });
        await app.WaitForOutputAsync(l => l.Contains("Call event listener is listening"), TimeSpan.FromSeconds(30));

        var cut = await fixture.ScalarAsync<long>($"""
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE application_name = 'phonecrm-call-listener-{app.ProcessId}'
            """);
        // Posted while the listener is away (it waits 3 s before reconnecting): its NOTIFY reaches no one.
        using var client = app.CreateClient();
        var response = await SoftPhoneKit.PostAsync(client, SoftPhoneKit.Event(Guid.NewGuid().ToString(), SoftPhoneAppFixture.SharedPhone), fixture.Secret);

        Assert.Equal(1, cut);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replayed = await app.WaitForOutputAsync(l => l.Contains("Call event listener reconnected"), TimeSpan.FromSeconds(30));
        Assert.Contains("replayed 3 call toasts", replayed);
    }
}
