using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace PhoneCrm.Web.Setup;

/// <summary>How a refused request under /api is answered: as an API does, with a status and problem details.</summary>
internal static class ApiAnswers
{
    public const string Prefix = "/api";

    public static Task OrRedirectAsync(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status401Unauthorized
                ? "This address takes signed SoftPhone requests only (POST with a SoftPhone-Signature header)."
                : "Not allowed.",
        }, options: null, contentType: "application/problem+json");
    }
}
