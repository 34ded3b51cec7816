using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using PhoneCrm.Data;
using PhoneCrm.Data.Identity;
using PhoneCrm.Web.Features.Account;

namespace PhoneCrm.Web.Setup;

public static class IdentitySetup
{
    public static void AddCrmIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.AccessDeniedPath = "/access-denied";
            cookie.Cookie.Name = "phonecrm.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            // An API caller (the webhook's path and its neighbours) gets a status with problem details, not a sign-in page.
            cookie.Events.OnRedirectToLogin = context => ApiAnswers.OrRedirectAsync(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAnswers.OrRedirectAsync(context, StatusCodes.Status403Forbidden);
        });
        // A disabled user or a reset password ends other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddCrmIdentityCore().AddSignInManager();

        // Everything needs a signed-in user unless it says otherwise ([AllowAnonymous]).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddScoped<AdministratorSeeder>();
    }

    /// <summary>
    /// Identity's stores, rules and messages (in the user's language); public so tests build Identity exactly as the
    /// app does. Needs <c>IStringLocalizer&lt;Strings&gt;</c>.
    /// </summary>
    public static IdentityBuilder AddCrmIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<CrmUser>(ConfigureOptions)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddClaimsPrincipalFactory<CrmClaimsPrincipalFactory>();

    /// <summary>Password, lockout and sign-in rules.</summary>
    public static void ConfigureOptions(IdentityOptions options)
    {
        // Length over composition rules (NIST SP 800-63B): at least 12 characters, no forced symbols.
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        // A backstop for guessing from many addresses; one address is stopped far earlier by SignInThrottle, so a
        // stranger cannot lock an account out.
        options.Lockout.MaxFailedAccessAttempts = SignInThrottle.AccountLockoutFailures;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
