using System.Net;
using System.Text.RegularExpressions;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>Signs in through the real login form (antiforgery token included) and keeps the cookie.</summary>
public static partial class WebSession
{
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/login");
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, "The login page has no antiforgery token.");
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
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

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
