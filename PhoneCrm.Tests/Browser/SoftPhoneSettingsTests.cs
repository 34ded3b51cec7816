using System.Net;
using PhoneCrm.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static PhoneCrm.Tests.Browser.CrmUi;

namespace PhoneCrm.Tests.Browser;

/// <summary>An administrator hands SoftPhone a secret from the SoftPhone page, then revokes it; unmatched calls are listed.</summary>
public sealed class SoftPhoneSettingsTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_secret_made_on_the_page_signs_requests_until_revoked_and_unmatched_calls_are_listed()
    {
        using var softPhone = app.App.CreateClient();
        var secret = "";

        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            await NavigateAsync(page, "SoftPhone");
            await Expect(page.GetByTestId("secrets-grid")).ToContainTextAsync("Секретов пока нет");
            await page.GetByTestId("secret-name").FillAsync("SoftPhone prod");
            await page.GetByTestId("secret-create").ClickAsync();
            secret = await page.GetByTestId("new-secret").TextContentAsync() ?? "";
            Assert.StartsWith("whsec_", secret);

            var accepted = await SoftPhoneKit.PostAsync(softPhone, SoftPhoneKit.Event("settings-1", "+44 20 7946 0000"), secret);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Equal(0, await SoftPhoneKit.LinkedNumbersAsync(app.Database, "settings-1"));

            await NavigateAsync(page, "Неопознанные звонки");
            await Expect(page.GetByTestId("unmatched-grid")).ToContainTextAsync("settings-1");
            await Expect(page.GetByTestId("unmatched-grid")).ToContainTextAsync("+442079460000");

            await NavigateAsync(page, "SoftPhone");
            await Expect(page.GetByTestId("link-backlog")).ToContainTextAsync("Все сохранённые события звонков привязаны к номерам");
            await Expect(page.GetByTestId("secrets-grid")).ToContainTextAsync("SoftPhone prod");
            await Expect(page.GetByTestId("secrets-grid")).Not.ToContainTextAsync(secret);
            await page.GetByTestId("secret-revoke").ClickAsync();
            await ConfirmAsync(page, "Отозвать");
            await Expect(page.GetByTestId("secrets-grid")).ToContainTextAsync("Отозван");
        });

        // The revoking instance forgets the secret at once (other instances within their cache time).
        var refused = await SoftPhoneKit.PostAsync(softPhone, SoftPhoneKit.Event("settings-2", "+44 20 7946 0000"), secret);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
