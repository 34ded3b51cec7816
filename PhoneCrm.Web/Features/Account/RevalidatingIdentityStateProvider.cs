using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PhoneCrm.Data.Identity;

namespace PhoneCrm.Web.Features.Account;

/// <summary>
/// A Blazor circuit outlives the request that opened it; this re-checks every minute that the user still
/// exists, is not disabled and has the same security stamp, and signs the circuit out otherwise.
/// </summary>
public sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var principal = authenticationState.User;
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
            return false;
        if (!users.SupportsUserSecurityStamp)
            return true;
        var stampInCookie = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stampInCookie == await users.GetSecurityStampAsync(user);
    }
}
