using Microsoft.EntityFrameworkCore;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Identity;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Features.Metrics;

namespace PhoneCrm.Web.Features.Audit;

public static class AuditExportEndpoint
{
    public static void MapAuditExport(this WebApplication app) =>
        app.MapGet("/audit/export.csv", async (
                DateTimeOffset? from, DateTimeOffset? to, string? actor, string? entity, string? action,
                HttpContext http, AuditCsvWriter writer, IDbContextFactory<CrmDbContext> contexts) =>
            {
                var filter = new AuditFilter(from, to, actor, entity, action);
                // The export itself is audited before the rows go out, so it is recorded even if the download breaks off.
                var connection = new ClientConnection();
                connection.CopyFrom(http);
                var user = CurrentUser.From(http.User, connection);
                await using (var db = await contexts.CreateDbContextAsync(http.RequestAborted))
                {
                    db.AddAudit(user.Actor, AuditActions.Export, AuditEntities.AuditLog, null, null, filter);
                    await db.SaveChangesAsync(http.RequestAborted);
                }
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
                await writer.WriteAsync(filter, http.Response.Body, http.RequestAborted);
                CrmMetrics.ExportSent("audit", "csv");
            })
            .RequireAuthorization(policy => policy.RequireRole(CrmRoles.Administrator));
}
