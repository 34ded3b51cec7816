using Microsoft.EntityFrameworkCore;
using PhoneCrm.Core.Audit;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Data.Conversions;
using PhoneCrm.Web.Features.Projects;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Features.Metrics;

namespace PhoneCrm.Web.Features.Conversions;

public static class ConversionExportEndpoints
{
    public static void MapConversionExports(this WebApplication app) =>
        app.MapGet("/projects/{projectId:long}/conversion/export.{format:regex(^(csv|xlsx)$)}", async (
            long projectId, string format, DateOnly? from, DateOnly? to, HttpContext http,
            ConversionExportWriter writer, ConversionsService conversions, IDbContextFactory<CrmDbContext> contexts) =>
        {
            var connection = new ClientConnection();
            connection.CopyFrom(http);
            var user = CurrentUser.From(http.User, connection);
            var (defaultFrom, defaultTo) = await conversions.DefaultRangeAsync(user, projectId, http.RequestAborted);
            var query = new ConversionQuery([projectId], from ?? defaultFrom, to ?? defaultTo);
            await using (var db = await contexts.CreateDbContextAsync(http.RequestAborted))
            {
                // Managers export only projects assigned to them, as the page shows only those.
                if (!await ProjectsService.VisibleProjects(db, user).AnyAsync(p => p.Id == projectId, http.RequestAborted))
                    return Results.NotFound();
                db.AddAudit(user.Actor, AuditActions.Export, AuditEntities.Project, projectId.ToString(), null,
                    new { export = "conversion", format, from = query.From, to = query.To });
                await db.SaveChangesAsync(http.RequestAborted);
            }
            http.Response.Headers.ContentDisposition =
                $"attachment; filename=\"conversion-{projectId}-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}.{format}\"";
            if (format == "csv")
            {
                http.Response.ContentType = "text/csv; charset=utf-8";
                await writer.WriteCsvAsync(query, http.Response.Body, http.RequestAborted);
            }
            else
            {
                http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                await writer.WriteXlsxAsync(query, http.Response.Body, http.RequestAborted);
            }
            CrmMetrics.ExportSent("conversions", format);
            return Results.Empty;
        }).RequireAuthorization();
}
