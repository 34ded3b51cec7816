using Microsoft.EntityFrameworkCore;
using PhoneCrm.Core.Audit;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Web.Features.Shared;

namespace PhoneCrm.Web.Features.Account;

/// <summary>Audit rows for sign-ins, failed sign-ins and sign-outs, which happen outside any circuit.</summary>
public sealed class LoginAudit(IDbContextFactory<CrmDbContext> contexts)
{
    public async Task WriteAsync(HttpContext http, string action, string userName, string? userId, string? reason)
    {
        var connection = new ClientConnection();
        connection.CopyFrom(http);
        await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
        db.AddAudit(new AuditActor(userName, userId, connection.IpAddress, connection.UserAgent),
            action, AuditEntities.User, userId, null, reason is null ? null : new { reason });
        await db.SaveChangesAsync(http.RequestAborted);
    }
}
