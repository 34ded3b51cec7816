using Microsoft.EntityFrameworkCore;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Data.Numbers;
using PhoneCrm.Web.Features.Shared;

namespace PhoneCrm.Web.Features.Numbers;

public static class NumberExportEndpoints
{
    public static void MapNumberExports(this WebApplication app) =>
        app.MapGet("/projects/{projectId:long}/numbers/export.{format:regex(^(csv|xlsx)$)}", async (
            long projectId, string format, NumberStatus? status, long? supplier, long? geo, string? prefix,
            HttpContext http, NumbersService numbers, NumberExporter exporter, IDbContextFactory<CrmDbContext> contexts) =>
        {
            var connection = new ClientConnection();
            connection.CopyFrom(http);
            var user = CurrentUser.From(http.User, connection);
            var filter = new NumberFilter(projectId, status, supplier, geo, prefix);
            try
            {
                // Managers export only projects assigned to them; the same check as the grid's.
                await numbers.CountAsync(user, filter, http.RequestAborted);
            }
            catch (DomainException)
            {
                return Results.NotFound();
            }
            await using (var db = await contexts.CreateDbContextAsync(http.RequestAborted))
            {
                db.AddAudit(user.Actor, AuditActions.Export, AuditEntities.Project, projectId.ToString(), null,
                    new { format, filter.Status, filter.SupplierId, filter.GeoId, prefix = filter.NormalizedPrefix });
                await db.SaveChangesAsync(http.RequestAborted);
            }
            var fileName = $"numbers-{projectId}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.{format}";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            if (format == "csv")
            {
                http.Response.ContentType = "text/csv; charset=utf-8";
                await exporter.WriteCsvAsync(filter, http.Response.Body, http.RequestAborted);
                return Results.Empty;
            }
            var path = Path.Combine(Path.GetTempPath(), $"phonecrm-export-{Guid.NewGuid():N}.xlsx");
            try
            {
                await exporter.WriteXlsxAsync(filter, path, http.RequestAborted);
                http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
                http.Response.ContentLength = file.Length;
                await file.CopyToAsync(http.Response.Body, http.RequestAborted);
            }
            finally
            {
                File.Delete(path);
            }
            return Results.Empty;
        });
}
