using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PhoneCrm.Core.Identity;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Security;

/// <summary>
/// Password guessing against an app behind a trusted proxy, so each test can come from addresses of its own: a guesser
/// is slowed and stopped, and cannot lock the account's owner out or tell which user names exist.
/// </summary>
public sealed class SignInThrottleTests(AppFixture fixture) : IClassFixture<AppFixture>, IAsyncLifetime
{
    private AppProcess _app = null!;

    public async Task InitializeAsync() =>
        _app = await AppProcess.StartAsync(fixture.Database.ConnectionString, AppFixture.AdminPassword,
            new Dictionary<string, string?> { ["Crm__ForwardedHeaders__KnownProxies__0"] = "127.0.0.1" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Five_wrong_passwords_stop_that_address_for_the_account_but_its_owner_signs_in_from_elsewhere()
    {
        var userName = await NewUserAsync("guessed");
        using var guesser = From("198.51.100.10");

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await WebSession.PostLoginAsync(guesser, userName, "not the password " + i)).StatusCode);
        var stopped = await WebSession.PostLoginAsync(guesser, userName, TestAccounts.Password);
        using var owner = From("198.51.100.20");
        var ownerSignIn = await WebSession.PostLoginAsync(owner, userName, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
        Assert.Contains("Слишком много неудачных попыток входа с этого компьютера", await stopped.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, ownerSignIn.StatusCode);
        await using var db = fixture.Database.CreateContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == userName && u.LockoutEnd > DateTimeOffset.UtcNow), "the account was locked");
        var reasons = await db.AuditLog.Where(a => a.Action == "login_failed" && a.Actor == userName && a.IpAddress == "198.51.100.10")
            .Select(a => a.NewValues).ToListAsync();
        Assert.Equal(6, reasons.Count);
        Assert.Single(reasons, r => r!.Contains("throttled"));
    }

    [Fact]
    public async Task Twenty_failures_from_one_address_stop_it_whatever_names_it_tries()
    {
        using var guesser = From("198.51.100.30");
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await WebSession.PostLoginAsync(guesser, $"nobody-{i}", "guess")).StatusCode);

        var stopped = await WebSession.PostLoginAsync(guesser, AppFixture.ManagerName, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
        using var colleague = From("198.51.100.31");
        Assert.Equal(HttpStatusCode.Redirect, (await WebSession.PostLoginAsync(colleague, AppFixture.ManagerName, TestAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_name_gets_the_same_answer_as_a_wrong_password_and_takes_as_long()
    {
        var userName = await NewUserAsync("known");
        var unknown = new List<TimeSpan>();
        var wrong = new List<TimeSpan>();
        string? unknownPage = null, wrongPage = null;
        for (var i = 0; i < 4; i++)
        {
            // An address a round, so the throttle never steps in.
            using var client = From($"198.51.100.{40 + i}");
            var clock = Stopwatch.StartNew();
            unknownPage = ErrorOf(await (await WebSession.PostLoginAsync(client, "no-such-" + userName, "guess " + i)).Content.ReadAsStringAsync());
            unknown.Add(clock.Elapsed);
            clock.Restart();
            wrongPage = ErrorOf(await (await WebSession.PostLoginAsync(client, userName, "guess " + i)).Content.ReadAsStringAsync());
            wrong.Add(clock.Elapsed);
        }

        Assert.Equal(wrongPage, unknownPage);
        // Without a decoy check an unknown name answers in a few ms, a wrong password after a PBKDF2 hash (tens of ms).
        var (unknownMedian, wrongMedian) = (unknown.Order().ElementAt(2), wrong.Order().ElementAt(2));
        Assert.True(unknownMedian > wrongMedian / 3, $"unknown names answer in {unknownMedian.TotalMilliseconds} ms, wrong passwords in {wrongMedian.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_disabled_account_is_told_only_to_someone_who_knows_its_password()
    {
        var userName = await NewUserAsync("disabled");
        await using (var db = fixture.Database.CreateContext())
            await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true));
        using var client = From("198.51.100.60");

        var guessed = ErrorOf(await (await WebSession.PostLoginAsync(client, userName, "a guess")).Content.ReadAsStringAsync());
        var known = ErrorOf(await (await WebSession.PostLoginAsync(client, userName, TestAccounts.Password)).Content.ReadAsStringAsync());

        Assert.Contains("Неверное имя пользователя или пароль", guessed);
        Assert.Contains("отключена", known);
    }

    private HttpClient From(string address)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private async Task<string> NewUserAsync(string prefix)
    {
        var userName = $"{prefix}-{Guid.NewGuid():N}"[..20];
        await TestAccounts.CreateAsync(fixture.Database, userName, CrmRoles.Manager);
        return userName;
    }

    private static string ErrorOf(string page)
    {
        var start = page.IndexOf("data-testid=\"login-error\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page shows no sign-in error");
        start = page.IndexOf('>', start) + 1;
        return page[start..page.IndexOf('<', start)];
    }
}
