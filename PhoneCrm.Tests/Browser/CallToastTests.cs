using Microsoft.Playwright;
using PhoneCrm.Core.Identity;
using PhoneCrm.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PhoneCrm.Tests.Browser;

/// <summary>
/// Two app processes on one database: SoftPhone posts to instance A, the manager's browser is on instance B
/// (the fixture's app). The toast travels through PostgreSQL LISTEN/NOTIFY and reaches only users who may see
/// the project; clicking it opens the number's card with the call on it.
/// </summary>
public sealed class CallToastTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string ManagerName = "operator.olga";
    private const string Phone = "+79165550101";

    [Fact]
    public async Task A_call_posted_to_one_instance_pops_up_in_a_browser_on_the_other_and_leads_to_the_card()
    {
        var projects = await ProjectSeeder.InsertAsync(app.Database, "Toasts", 2);
        await TestAccounts.CreateAsync(app.Database, ManagerName, CrmRoles.Manager, projects[0]);
        long number;
        await using (var insert = app.Database.DataSource.CreateCommand(
                         $"INSERT INTO numbers (project_id, phone) VALUES ({projects[0]}, '{Phone}'), ({projects[1]}, '+79165550202') RETURNING id"))
            number = (long)(await insert.ExecuteScalarAsync())!;
        var secret = await SoftPhoneKit.CreateSecretAsync(app.Database);
        await using var instanceA = await AppProcess.StartAsync(app.Database.ConnectionString, AppFixture.AdminPassword);
        using var softPhone = instanceA.CreateClient();

        await app.RunAsync(async blazor =>
        {
            var page = blazor.Page;
            await blazor.SignInAsync(ManagerName, TestAccounts.Password);
            await Expect(page.Locator("[data-testid=toasts-toggle][data-subscribed=true]")).ToBeVisibleAsync();

            // A call in the project the operator may not see: no toast for it.
            var hidden = await SoftPhoneKit.PostAsync(softPhone, SoftPhoneKit.Event("hidden-1", "+79165550202", projectId: projects[1]), secret);
            var shown = await SoftPhoneKit.PostAsync(softPhone, SoftPhoneKit.Event("shown-1", Phone, type: "missed"), secret);
            Assert.Equal(System.Net.HttpStatusCode.OK, hidden.StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.OK, shown.StatusCode);

            var toast = page.GetByTestId("call-toast");
            await Expect(toast).ToHaveCountAsync(1);
            await Expect(page.Locator(".rz-notification-message").Filter(new() { Has = toast })).ToContainTextAsync("Пропущенный звонок · " + Phone);
            await Expect(toast).ToContainTextAsync("Toasts 01");
            await toast.GetByTestId("call-toast-link").ClickAsync();

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/projects/{projects[0]}/numbers/{number}$"));
            await Expect(page.GetByTestId("number-phone")).ToHaveTextAsync(Phone);
            await Expect(page.GetByTestId("number-calls").GetByTestId("call-type")).ToHaveTextAsync("Пропущенный звонок");
            await Expect(page.GetByTestId("number-calls")).ToContainTextAsync("op-101");
        });
    }

    [Fact]
    public async Task A_user_who_muted_toasts_gets_none()
    {
        var project = (await ProjectSeeder.InsertAsync(app.Database, "Muted", 1))[0];
        await using (var insert = app.Database.DataSource.CreateCommand($"INSERT INTO numbers (project_id, phone) VALUES ({project}, '+79165550303')"))
            await insert.ExecuteNonQueryAsync();
        var secret = await SoftPhoneKit.CreateSecretAsync(app.Database, "muted test");
        using var softPhone = app.App.CreateClient();

        await app.RunAsAdminAsync(async blazor =>
        {
            var page = blazor.Page;
            // A second tab, subscribed before the mute, is the witness that the call did reach this instance's circuits.
            var witness = await page.Context.NewPageAsync();
            await witness.GotoAsync("/projects");
            await Expect(witness.Locator("[data-testid=toasts-toggle][data-subscribed=true]")).ToBeVisibleAsync();
            var bell = page.Locator("[data-testid=toasts-toggle][data-subscribed=true]");
            await bell.ClickAsync();
            await Expect(bell).ToHaveAttributeAsync("data-muted", "true");

            await SoftPhoneKit.PostAsync(softPhone, SoftPhoneKit.Event("muted-1", "+79165550303", type: "answered"), secret);

            await Expect(witness.GetByTestId("call-toast")).ToHaveCountAsync(1);
            await Expect(witness.Locator(".rz-notification-message").Filter(new() { Has = witness.GetByTestId("call-toast") }))
                .ToContainTextAsync("Разговор · +79165550303");
            await Expect(page.GetByTestId("call-toast")).ToHaveCountAsync(0);
        });
    }
}
