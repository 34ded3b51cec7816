using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using PhoneCrm.Core.SoftPhone;
using PhoneCrm.Web.Features.SoftPhone;
using PhoneCrm.Data.DataProtection;
using PhoneCrm.Data.SoftPhone;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>What SoftPhone does, for tests: holds a secret made the way the settings page makes it, signs and posts events.</summary>
public static class SoftPhoneKit
{
    /// <summary>The settings service the SoftPhone page uses, with the app's shared key ring.</summary>
    public static SoftPhoneSettingsService Settings(TestDatabase database)
    {
        var services = new ServiceCollection().AddCrmDataProtection(database.DataSource).BuildServiceProvider();
        var ring = new WebhookSecretRing(database, services.GetRequiredService<IDataProtectionProvider>(), new SoftPhoneOptions(), TimeProvider.System);
        return new SoftPhoneSettingsService(database, ring, new CallEventQueries(database.DataSource), TestLocalizer.Create());
    }

    /// <summary>Creates an active webhook secret through the settings service, encrypted with the shared key ring.</summary>
    public static Task<string> CreateSecretAsync(TestDatabase database, string name = "tests") =>
        Settings(database).CreateSecretAsync(TestUsers.Administrator, name);

    public static string Event(string eventId, string phone, string type = "ended", long? projectId = null, string? result = null,
        DateTimeOffset? startedAt = null, int duration = 30) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["eventId"] = eventId,
            ["type"] = type,
            ["phone"] = phone,
            ["direction"] = "outbound",
            ["operator"] = "op-101",
            ["projectId"] = projectId,
            ["startedAt"] = startedAt ?? DateTimeOffset.UtcNow.AddMinutes(-1),
            ["durationSeconds"] = duration,
            ["result"] = result,
        });

    public static string Batch(IEnumerable<string> events) => "[" + string.Join(",", events) + "]";

    public static HttpRequestMessage SignedRequest(string body, string? secret, DateTimeOffset? signedAt = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, SoftPhoneWebhook.Path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (secret is not null)
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Header(
                Encoding.UTF8.GetBytes(secret), (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(), bytes));
        return request;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? secret, DateTimeOffset? signedAt = null) =>
        client.SendAsync(SignedRequest(body, secret, signedAt));

    /// <summary>
    /// Waits for an app's linker to link an event the webhook has answered for (it does so a moment after the
    /// answer), and returns how many numbers the event reached.
    /// </summary>
    public static async Task<int> LinkedNumbersAsync(TestDatabase database, string eventId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var linked = await database.ScalarAsync<int?>($"SELECT linked_numbers FROM call_events WHERE event_id = '{eventId}'");
            if (linked is { } count)
                return count;
            Assert.True(DateTime.UtcNow < deadline, $"Event {eventId} was not linked within 15 s of the webhook's answer.");
            await Task.Delay(20);
        }
    }
}
