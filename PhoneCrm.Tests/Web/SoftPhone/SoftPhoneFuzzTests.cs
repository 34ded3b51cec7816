using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PhoneCrm.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PhoneCrm.Tests.Web.SoftPhone;

/// <summary>
/// 10,000 correctly signed but random or mutated bodies: the webhook never answers 500, and nothing from a body
/// it refused is stored. Signed, so the bodies get past the signature check and reach the parser.
/// </summary>
public sealed class SoftPhoneFuzzTests(SoftPhoneAppFixture fixture, ITestOutputHelper output) : IClassFixture<SoftPhoneAppFixture>
{
    private const int Bodies = 10_000;

    private static readonly string[] _oddValues =
    [
        "null", "true", "0", "-1", "1e309", "99999999999999999999", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"",
        "[]", "{}", "\"" + new string('9', 5000) + "\"", "\"ended\"", "\"2026-13-45T99:00:00Z\"", "\"\\u001f\"",
        "\"=cmd|' /C calc'!A0\"", "\"tel:+7 912 345 67 89\"", "\"javascript:alert(1)\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    ];

    private static readonly string[] _fields =
        ["eventId", "type", "phone", "direction", "operator", "projectId", "startedAt", "durationSeconds", "result", "recordingUrl"];

    [Fact]
    public async Task Ten_thousand_random_and_mutated_bodies_never_get_a_500_and_invalid_ones_store_nothing()
    {
        // A failure prints its seed; PHONECRM_FUZZ_SEED replays exactly those bodies.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PHONECRM_FUZZ_SEED"), out var given) ? given : Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var bodies = Enumerable.Range(0, Bodies).Select(i => Mutate(random, i)).ToArray();
        var storedBefore = await fixture.ScalarAsync<long>("SELECT count(*) FROM call_event_ids");
        var statuses = new HttpStatusCode[Bodies];
        var storedByOk = new ConcurrentBag<int>();
        using var client = fixture.App.CreateClient();

        await Parallel.ForEachAsync(Enumerable.Range(0, Bodies), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var request = SoftPhoneKit.SignedRequest("", fixture.Secret);
            request.Content = new ByteArrayContent(bodies[i]);
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Remove(PhoneCrm.Core.SoftPhone.WebhookSignature.HeaderName);
            request.Headers.TryAddWithoutValidation(PhoneCrm.Core.SoftPhone.WebhookSignature.HeaderName,
                PhoneCrm.Core.SoftPhone.WebhookSignature.Header(Encoding.UTF8.GetBytes(fixture.Secret), DateTimeOffset.UtcNow.ToUnixTimeSeconds(), bodies[i]));
            using var response = await client.SendAsync(request, ct);
            statuses[i] = response.StatusCode;
            if (response.StatusCode == HttpStatusCode.OK)
                storedByOk.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("stored").GetInt32());
        });

        var unexpected = statuses.Select((s, i) => (s, i))
            .Where(x => x.s is not (HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Take(5).Select(x =>
            $"{x.s}: {Encoding.UTF8.GetString(bodies[x.i])[..Math.Min(300, bodies[x.i].Length)]}")) + "\n" + fixture.App.OutputTail(30));
        output.WriteLine($"200: {statuses.Count(s => s == HttpStatusCode.OK)}, 400: {statuses.Count(s => s == HttpStatusCode.BadRequest)}");
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 100, Bodies - 1_000); // the mix really exercised both sides

        var storedAfter = await fixture.ScalarAsync<long>("SELECT count(*) FROM call_event_ids");
        Assert.Equal(storedByOk.Sum(), storedAfter - storedBefore);
        // Every stored fuzz event comes from a body that was answered 200. (A flipped byte can turn one body's
        // event id into another's, so the ids are read from the accepted bodies, not guessed from their names.)
        var accepted = Enumerable.Range(0, Bodies).Where(i => statuses[i] == HttpStatusCode.OK)
            .SelectMany(i => EventIds(bodies[i])).ToHashSet();
        await using var command = fixture.Database.DataSource.CreateCommand("SELECT event_id FROM call_event_ids WHERE event_id LIKE 'fuzz-%'");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            Assert.Contains(reader.GetString(0), accepted);
    }

    private static IEnumerable<string> EventIds(byte[] body)
    {
        var root = JsonDocument.Parse(body).RootElement;
        var events = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        return events.Select(e => e.GetProperty("eventId").GetString()!.Trim());
    }

    private static byte[] Mutate(Random random, int i)
    {
        var events = Enumerable.Range(0, random.Next(1, 4)).Select(k => SoftPhoneKit.Event(
            $"fuzz-{i}-{k}", random.Next(3) == 0 ? SoftPhoneAppFixture.SharedPhone : $"+7999{random.Next(10_000_000):D7}",
            type: new[] { "ringing", "answered", "ended", "missed" }[random.Next(4)], result: random.Next(2) == 0 ? "sale" : null)).ToList();
        var text = events.Count == 1 && random.Next(2) == 0 ? events[0] : SoftPhoneKit.Batch(events);
        switch (random.Next(8))
        {
            case 0: // valid as made
                return Encoding.UTF8.GetBytes(text);
            case 1: // one field's value replaced by something odd
            {
                var field = _fields[random.Next(_fields.Length)];
                var replaced = Regex.Replace(text, $"\"{field}\":(\"[^\"]*\"|[^,}}]*)", $"\"{field}\":{_oddValues[random.Next(_oddValues.Length)]}");
                return Encoding.UTF8.GetBytes(replaced);
            }
            case 2: // a field removed
                return Encoding.UTF8.GetBytes(Regex.Replace(text, $"\"{_fields[random.Next(_fields.Length)]}\":(\"[^\"]*\"|[^,}}]*),?", ""));
            case 3: // random bytes flipped
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var n = random.Next(1, 4); n > 0; n--)
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            }
            case 4: // truncated
                return Encoding.UTF8.GetBytes(text[..random.Next(text.Length)]);
            case 5: // a span duplicated or deleted
            {
                var start = random.Next(text.Length);
                var length = random.Next(text.Length - start);
                return Encoding.UTF8.GetBytes(random.Next(2) == 0 ? text.Remove(start, length) : text.Insert(start, text.Substring(start, length)));
            }
            case 6: // pure noise
            {
                var bytes = new byte[random.Next(0, 2000)];
                random.NextBytes(bytes);
                return bytes;
            }
            default: // valid JSON of the wrong shape
                return Encoding.UTF8.GetBytes(_oddValues[random.Next(_oddValues.Length)]);
        }
    }
}
