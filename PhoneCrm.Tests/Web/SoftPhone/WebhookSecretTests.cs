using System.Net;
using PhoneCrm.Core.Common;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.SoftPhone;

namespace PhoneCrm.Tests.Web.SoftPhone;

/// <summary>Secret rotation as administrators do it on the SoftPhone page, checked against the running app.</summary>
public sealed class WebhookSecretTests(SoftPhoneAppFixture fixture) : IClassFixture<SoftPhoneAppFixture>
{
    private SoftPhoneSettingsService Settings() => SoftPhoneKit.Settings(fixture.Database);

    [Fact]
    public async Task Two_secrets_work_at_once_a_third_is_refused_and_a_revoked_one_stops_at_once()
    {
        var settings = Settings();
        using var client = fixture.App.CreateClient();
        var second = await settings.CreateSecretAsync(TestUsers.Administrator, "rotation");

        var withFirst = await SoftPhoneKit.PostAsync(client, SoftPhoneKit.Event(Guid.NewGuid().ToString(), "+79990002222"), fixture.Secret);
        var withSecond = await SoftPhoneKit.PostAsync(client, SoftPhoneKit.Event(Guid.NewGuid().ToString(), "+79990002222"), second);
        await Assert.ThrowsAsync<DomainException>(() => settings.CreateSecretAsync(TestUsers.Administrator, "third"));
        var rotated = (await settings.SecretsAsync(TestUsers.Administrator)).Single(s => s.Name == "rotation");
        await settings.RevokeSecretAsync(TestUsers.Administrator, rotated.Id);
        var afterRevoke = await SoftPhoneKit.PostAsync(client, SoftPhoneKit.Event(Guid.NewGuid().ToString(), "+79990002222"), second);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized), (withFirst.StatusCode, withSecond.StatusCode, afterRevoke.StatusCode));
        Assert.Equal(0L, await fixture.ScalarAsync<long>($"SELECT count(*) FROM webhook_secrets WHERE protected_secret LIKE '%{second[6..]}%'"));
        Assert.Equal(1L, await fixture.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE entity_type = 'webhook_secret' AND action = 'revoke' AND entity_id = '{rotated.Id}'"));
    }

    [Fact]
    public async Task Managers_cannot_see_or_change_secrets()
    {
        await Assert.ThrowsAsync<DomainException>(() => Settings().SecretsAsync(TestUsers.Manager("m")));
        await Assert.ThrowsAsync<DomainException>(() => Settings().CreateSecretAsync(TestUsers.Manager("m"), "sneaky"));
    }
}
