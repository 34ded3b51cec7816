using PhoneCrm.Data.Identity;

namespace PhoneCrm.Web.Features.Account;

/// <summary>
/// A user with <see cref="CrmUser.MustChangePassword"/> (the first administrator with a generated password) signs in
/// to one page only, <see cref="PagePath"/>, until they set a password of their own. The sign-in cookie carries the
/// fact as a claim, so the gate needs no database read per request; setting the password renews the cookie.
/// </summary>
public static class FirstPassword
{
    public const string PagePath = "/account/password";
    public const string ClaimType = "phonecrm:must_change_password";

    // What such a user may still reach: the page itself, signing out, the language switch and what pages load.
    private static readonly string[] OpenPaths = [PagePath, "/logout", "/culture", "/_framework", "/_content", "/_blazor", "/css", "/health"];

    public static void UseCrmFirstPasswordGate(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (http.User.HasClaim(c => c.Type == ClaimType) && !OpenPaths.Any(path => http.Request.Path.StartsWithSegments(path)))
            {
                http.Response.Redirect(PagePath);
                return;
            }
            await next();
        });
}
