using System.Net;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.SoftPhone;

/// <summary>The webhook's answer while the app is behind on linking the events it has already stored.</summary>
public sealed class SoftPhoneBacklogTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task While_too_many_events_wait_to_be_linked_the_webhook_answers_503_with_retry_after_and_accepts_again_once_they_are()
    {
        var secret = await SoftPhoneKit.CreateSecretAsync(database);
        // One event per group and a limit of 20: a few hundred waiting events keep this app behind for a while.
        await using var app = await AppProcess.StartAsync(database.ConnectionString, AppFixture.AdminPassword, new Dictionary<string, string?>
        {
            ["Crm__SoftPhone__LinkMaxEvents"] = "1",
            ["Crm__SoftPhone__MaxLinkBacklog"] = "20",
            ["Crm__SoftPhone__LinkSweepSeconds"] = "1",
        });
        // Waiting events, as the webhook stores them (another instance's, say): the linker finds them on its sweep.
        await database.ScalarAsync<long>("""
            WITH stored AS (
                INSERT INTO call_events (received_at, id, event_id, type, direction, raw_phone, phone, operator, project_id,
                                         started_at, duration_seconds, result, recording_url, linked_numbers)
                SELECT now(), nextval('call_events_id_seq'), 'backlog-' || i, 2, 1, '+79990000000', '+79990000000', 'op', NULL,
                       now(), 10, NULL, NULL, NULL
                FROM generate_series(1, 400) i
                RETURNING 1)
            SELECT count(*) FROM stored
            """);
        using var client = app.CreateClient();

        // Until the linker's sweep finds them, events are still accepted; each attempt is a new event.
        var (refused, refusedId) = await PostUntilAsync(client, secret, () => Guid.NewGuid().ToString(), HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("wait to be linked", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0L, await database.ScalarAsync<long>($"SELECT count(*) FROM call_event_ids WHERE event_id = '{refusedId}'"));

        // SoftPhone sends the same event again later; once the backlog is linked, it is stored.
        var (accepted, _) = await PostUntilAsync(client, secret, () => refusedId, HttpStatusCode.OK);
        Assert.Contains("\"stored\":1", await accepted.Content.ReadAsStringAsync());
        Assert.True(await database.ScalarAsync<long>("SELECT count(*) FROM call_events WHERE linked_numbers IS NULL") <= 20);
    }

    private static async Task<(HttpResponseMessage Response, string EventId)> PostUntilAsync(HttpClient client, string secret,
        Func<string> eventId, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var id = eventId();
            var response = await SoftPhoneKit.PostAsync(client, SoftPhoneKit.Event(id, "+79990000001"), secret);
            if (response.StatusCode == wanted)
                return (response, id);
            Assert.True(DateTime.UtcNow < deadline, $"The webhook did not answer {wanted} within 60 s; last answer {response.StatusCode}.");
            await Task.Delay(10);
        }
    }
}
