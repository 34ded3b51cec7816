using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PhoneCrm.Data.Identity;

namespace PhoneCrm.Web.Features.Account;

/// <summary>Adds <see cref="FirstPassword.ClaimType"/> to the sign-in of a user who must set their password.</summary>
public sealed class CrmClaimsPrincipalFactory(UserManager<CrmUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CrmUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CrmUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(FirstPassword.ClaimType, "true"));
        return identity;
    }
}
