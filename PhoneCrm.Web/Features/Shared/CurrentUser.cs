using System.Security.Claims;
using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Identity;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Shared;

/// <summary>Who is acting, as services need it: identity, role and how to name them in the audit log.</summary>
public sealed record CurrentUser(string UserId, string UserName, bool IsAdministrator, AuditActor Actor)
{
    public static CurrentUser From(ClaimsPrincipal principal, ClientConnection connection)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The user is not signed in.");
        var userName = principal.Identity?.Name ?? userId;
        return new CurrentUser(
            userId,
            userName,
            principal.IsInRole(CrmRoles.Administrator),
            new AuditActor(userName, userId, connection.IpAddress, connection.UserAgent));
    }

    /// <summary>Services check the role again, whatever the page did: a circuit can outlive a role change.</summary>
    public void EnsureAdministrator(IStringLocalizer<Strings> l)
    {
        if (!IsAdministrator)
            throw new DomainException(l["Common.AdministratorsOnly"]);
    }
}
