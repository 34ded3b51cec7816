using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using PhoneCrm.Core.Audit;
using PhoneCrm.Data.Identity;
using PhoneCrm.Web.Setup;

namespace PhoneCrm.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this WebApplication app)
    {
        // [FromForm] makes the endpoint validate the antiforgery token the logout form carries.
        app.MapPost("/logout", async ([FromForm] string? returnUrl, HttpContext context,
            SignInManager<CrmUser> signIn, LoginAudit audit) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
                await audit.WriteAsync(context, AuditActions.Logout, context.User.Identity.Name ?? "", signIn.UserManager.GetUserId(context.User), null);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).RequireAuthorization();

        app.MapGet("/culture", (string name, string? returnUrl, HttpContext context) =>
        {
            if (!LocalizationSetup.SupportedCultures.Contains(name))
                return Results.BadRequest($"Unsupported language '{name}'.");
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(SafeLocalUrl(returnUrl));
        }).AllowAnonymous();
    }

    /// <summary>Only paths on this site: an absolute or protocol-relative URL would be an open redirect.</summary>
    public static string SafeLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
