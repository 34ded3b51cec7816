using System.Security.Claims;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Identity;

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
}
