using System.Net;
using System.Text.RegularExpressions;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>Signs in through the real login form (antiforgery token included) and keeps the cookie.</summary>
public static partial class WebSession
{
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var token = FormToken(await client.GetStringAsync("/login"), "The login page");
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>A client signed in as <paramref name="userName"/>; fails the test if the sign-in does not succeed.</summary>
    public static async Task<HttpClient> SignInAsync(AppProcess app, string userName, string password)
    {
        var client = app.CreateClient();
        var response = await PostLoginAsync(client, userName, password);
        var target = response.Headers.Location is { } location ? new Uri(client.BaseAddress!, location).PathAndQuery : null;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && target == "/",
            $"Sign-in as {userName} answered {(int)response.StatusCode} {response.Headers.Location}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>The antiforgery token of a page's form, decoded; fails the test, naming <paramref name="page"/>, when there is none.</summary>
    public static string FormToken(string html, string page)
    {
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"{page} has no antiforgery token.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
