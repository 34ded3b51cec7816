using System.Net;
using System.Text.Json;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.SoftPhone;

/// <summary>The webhook over real HTTP against a real app process: authentication, idempotency, bad input, linking.</summary>
public sealed class SoftPhoneWebhookTests(SoftPhoneAppFixture fixture) : IClassFixture<SoftPhoneAppFixture>
{
    private static string NewId() => Guid.NewGuid().ToString();

    private Task<long> StoredAsync(string eventId) =>
        fixture.ScalarAsync<long>($"SELECT count(*) FROM call_event_ids WHERE event_id = '{eventId}'");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Missing_wrong_stale_or_tampered_signatures_are_refused_and_nothing_is_stored()
    {
        using var client = fixture.App.CreateClient();
        var id = NewId();
        var body = SoftPhoneKit.Event(id, "+79990000001");

        var missing = await SoftPhoneKit.PostAsync(client, body, secret: null);
        var wrong = await SoftPhoneKit.PostAsync(client, body, "whsec_not_the_right_one");
        var stale = await SoftPhoneKit.PostAsync(client, body, fixture.Secret, DateTimeOffset.UtcNow.AddMinutes(-6));
        var future = await SoftPhoneKit.PostAsync(client, body, fixture.Secret, DateTimeOffset.UtcNow.AddMinutes(6));
        var tamperedRequest = SoftPhoneKit.SignedRequest(body, fixture.Secret);
        tamperedRequest.Content = new StringContent(body.Replace("op-101", "op-666"), System.Text.Encoding.UTF8, "application/json");
        var tampered = await client.SendAsync(tamperedRequest);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), new[] { missing, wrong, stale, future, tampered }.Select(r => r.StatusCode));
        Assert.Contains("missing", (await JsonAsync(missing)).GetProperty("detail").GetString());
        Assert.Equal(0, await StoredAsync(id));
    }

    [Fact]
    public async Task A_replay_answers_200_and_changes_nothing()
    {
        using var client = fixture.App.CreateClient();
        var id = NewId();
        var body = SoftPhoneKit.Event(id, SoftPhoneAppFixture.SharedPhone, projectId: fixture.Projects[0]);
        var attemptsBefore = await fixture.ScalarAsync<int>(
            $"SELECT attempts FROM numbers WHERE project_id = {fixture.Projects[0]} AND phone = '{SoftPhoneAppFixture.SharedPhone}'");

        var first = await SoftPhoneKit.PostAsync(client, body, fixture.Secret);
        var replay = await SoftPhoneKit.PostAsync(client, body, fixture.Secret);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, (await JsonAsync(first)).GetProperty("stored").GetInt32());
        Assert.Equal(1, (await JsonAsync(replay)).GetProperty("duplicates").GetInt32());
        Assert.Equal(1, await fixture.LinkedNumbersAsync(id));
        Assert.Equal(attemptsBefore + 1, await fixture.ScalarAsync<int>(
            $"SELECT attempts FROM numbers WHERE project_id = {fixture.Projects[0]} AND phone = '{SoftPhoneAppFixture.SharedPhone}'"));
    }

    [Fact]
    public async Task An_event_without_a_project_reaches_the_phone_in_all_three_projects()
    {
        using var client = fixture.App.CreateClient();

        var id = NewId();

        var response = await SoftPhoneKit.PostAsync(client, SoftPhoneKit.Event(id, "8 (916) 123-45-67", result: "callback"), fixture.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await JsonAsync(response)).GetProperty("stored").GetInt32());
        Assert.Equal(3, await fixture.LinkedNumbersAsync(id));
        Assert.Equal(3, await fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM numbers WHERE phone = '{SoftPhoneAppFixture.SharedPhone}' AND status = 3"));
    }

    [Fact]
    public async Task A_start_time_with_any_offset_is_stored_as_the_same_moment()
    {
        using var client = fixture.App.CreateClient();
        var id = NewId();
        var body = SoftPhoneKit.Event(id, "+79990004444", startedAt: new DateTimeOffset(2026, 11, 22, 10, 15, 0, TimeSpan.FromHours(3)));
        Assert.Contains("+03:00", body);

        var response = await SoftPhoneKit.PostAsync(client, body, fixture.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new DateTime(2026, 11, 22, 7, 15, 0, DateTimeKind.Utc),
            await fixture.ScalarAsync<DateTime>($"SELECT started_at FROM call_events WHERE event_id = '{id}'"));
    }

    [Fact]
    public async Task An_unmatched_phone_is_stored_as_unmatched()
    {
        using var client = fixture.App.CreateClient();
        var id = NewId();

        var response = await SoftPhoneKit.PostAsync(client, SoftPhoneKit.Event(id, "+44 20 7946 0958"), fixture.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await fixture.LinkedNumbersAsync(id));
        Assert.Equal("+442079460958", await fixture.ScalarAsync<string>($"SELECT phone FROM call_events WHERE event_id = '{id}' AND linked_numbers = 0"));
    }

    [Fact]
    public async Task Malformed_json_and_missing_fields_get_400_naming_the_field_and_store_nothing()
    {
        using var client = fixture.App.CreateClient();
        var goodId = NewId();
        var missingPhone = SoftPhoneKit.Event(NewId(), "x").Replace("\"phone\":\"x\",", "");

        var malformed = await SoftPhoneKit.PostAsync(client, "{\"eventId\": \"a\", \"type\": ", fixture.Secret);
        var wrongType = await SoftPhoneKit.PostAsync(client, SoftPhoneKit.Event(NewId(), "+79990000003").Replace("\"durationSeconds\":30", "\"durationSeconds\":\"long\""), fixture.Secret);
        var missing = await SoftPhoneKit.PostAsync(client, SoftPhoneKit.Batch([SoftPhoneKit.Event(goodId, "+79990000004"), missingPhone]), fixture.Secret);

        Assert.All([malformed, wrongType, missing], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.True((await JsonAsync(wrongType)).GetProperty("errors").TryGetProperty("durationSeconds", out _));
        Assert.True((await JsonAsync(missing)).GetProperty("errors").TryGetProperty("[1].phone", out _));
        Assert.Equal(0, await StoredAsync(goodId));
    }

    [Fact]
    public async Task An_oversized_body_gets_413()
    {
        using var client = fixture.App.CreateClient();
        var huge = SoftPhoneKit.Batch(Enumerable.Range(0, 1000).Select(_ => SoftPhoneKit.Event(NewId(), "+7999" + new string('0', 7)).Replace("op-101", new string('o', 1200))));

        var response = await SoftPhoneKit.PostAsync(client, huge, fixture.Secret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_sale_and_a_later_callback_posted_in_one_request_leave_the_number_converted_as_two_requests_do()
    {
        using var client = fixture.App.CreateClient();
        var project = fixture.Projects[0];
        var saleAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        var states = new List<string>();
        foreach (var split in new[] { false, true })
        {
            var phone = $"+7916{Random.Shared.Next(1_000_000, 9_999_999)}";
            var number = await fixture.ScalarAsync<long>($"INSERT INTO numbers (project_id, phone) VALUES ({project}, '{phone}') RETURNING id");
            var (sale, callback) = (NewId(), NewId());
            string[] events =
            [
                SoftPhoneKit.Event(sale, phone, projectId: project, result: "sale", startedAt: saleAt),
                SoftPhoneKit.Event(callback, phone, projectId: project, result: "callback", startedAt: saleAt.AddMinutes(10)),
            ];
            foreach (var body in split ? events : [SoftPhoneKit.Batch(events)])
                Assert.Equal(HttpStatusCode.OK, (await SoftPhoneKit.PostAsync(client, body, fixture.Secret)).StatusCode);
            await fixture.LinkedNumbersAsync(sale);
            await fixture.LinkedNumbersAsync(callback);
            states.Add(await fixture.ScalarAsync<string>($"SELECT concat_ws(' ', status, attempts) FROM numbers WHERE id = {number}"));
        }

        Assert.Equal([$"{(short)PhoneCrm.Core.Numbers.NumberStatus.Converted} 2", $"{(short)PhoneCrm.Core.Numbers.NumberStatus.Converted} 2"], states);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_webhook_and_nothing_else()
    {
        using var client = fixture.App.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/softphone.json")).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/softphone/events"], paths);
        Assert.Contains("eventId", document.GetProperty("components").ToString());
    }

    [Fact]
    public async Task The_openapi_document_states_the_parsers_rules_and_its_example_is_accepted_where_forbidden_bodies_are_not()
    {
        using var client = fixture.App.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/softphone.json")).RootElement;
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("CallEventJson");
        var properties = schema.GetProperty("properties");
        var operation = document.GetProperty("paths").GetProperty("/api/softphone/events").GetProperty("post");

        Assert.Equal(["direction", "eventId", "phone", "startedAt", "type"], schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(["ringing", "answered", "ended", "missed"], properties.GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["inbound", "outbound"], properties.GetProperty("direction").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal("integer", properties.GetProperty("projectId").GetProperty("type").GetString());
        Assert.Equal("integer", properties.GetProperty("durationSeconds").GetProperty("type").GetString());
        Assert.Equal("date-time", properties.GetProperty("startedAt").GetProperty("format").GetString());
        var header = operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "SoftPhone-Signature");
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.True(header.GetProperty("required").GetBoolean());
        Assert.Equal(["200", "400", "401", "413", "429", "503"], operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order());

        var example = schema.GetProperty("examples")[0].GetRawText();
        Assert.Equal(HttpStatusCode.OK, (await SoftPhoneKit.PostAsync(client, example, fixture.Secret)).StatusCode);
        var node = System.Text.Json.Nodes.JsonNode.Parse(example)!.AsObject();
        foreach (var forbidden in new[]
        {
            With(node, n => n.Remove("eventId")),
            With(node, n => n["type"] = "answered,ended"),
            With(node, n => n["projectId"] = "7"),
            With(node, n => n["startedAt"] = "2026-11-22T10:15:00"),
            With(node, n => n["projectld"] = 7),
        })
        {
            var refused = await SoftPhoneKit.PostAsync(client, forbidden, fixture.Secret);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{forbidden} was answered {(int)refused.StatusCode}");
        }
    }

    private static string With(System.Text.Json.Nodes.JsonObject example, Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var copy = example.DeepClone().AsObject();
        copy["eventId"] = Guid.NewGuid().ToString();
        change(copy);
        return copy.ToJsonString();
    }
}
