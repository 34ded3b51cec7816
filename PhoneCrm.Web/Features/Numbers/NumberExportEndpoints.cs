using Microsoft.EntityFrameworkCore;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Data.Numbers;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Features.Metrics;

namespace PhoneCrm.Web.Features.Numbers;

public static class NumberExportEndpoints
{
    public static void MapNumberExports(this WebApplication app) =>
        app.MapGet("/projects/{projectId:long}/numbers/export.{format:regex(^(csv|xlsx)$)}", async (
            long projectId, string format, NumberStatus? status, long? supplier, long? geo, string? prefix,
            string? country, string? type, string? @operator, Guid? progress,
            HttpContext http, NumbersService numbers, NumberExporter exporter, ExportProgress exports, IDbContextFactory<CrmDbContext> contexts) =>
        {
            var connection = new ClientConnection();
            connection.CopyFrom(http);
            var user = CurrentUser.From(http.User, connection);
            var filter = new NumberFilter(projectId, status, supplier, geo, prefix, country, type, @operator);
            long total;
            try
            {
                // Managers export only projects assigned to them; the same check as the grid's.
                (total, _) = await numbers.CountAsync(user, filter, http.RequestAborted);
            }
            catch (DomainException)
            {
                return Results.NotFound();
            }
            await using (var db = await contexts.CreateDbContextAsync(http.RequestAborted))
            {
                db.AddAudit(user.Actor, AuditActions.Export, AuditEntities.Project, projectId.ToString(), null,
                    new { format, filter.Status, filter.SupplierId, filter.GeoId, prefix = filter.NormalizedPrefix, filter.Country, filter.NumberType, filter.Operator });
                await db.SaveChangesAsync(http.RequestAborted);
            }
            var progressId = progress ?? Guid.NewGuid();
            var reporter = exports.Start(progressId, user.UserId, total);
            long written = 0;
            var failed = true;
            try
            {
                written = await WriteAsync(http, format, projectId, filter, exporter, reporter);
                failed = false;
                CrmMetrics.NumbersExported(format, written);
            }
            finally
            {
                exports.Finish(progressId, written, failed);
            }
            return Results.Empty;
        });

    private static async Task<long> WriteAsync(HttpContext http, string format, long projectId, NumberFilter filter,
        NumberExporter exporter, IProgress<long> progress)
    {
        var fileName = $"numbers-{projectId}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.{format}";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        if (format == "csv")
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            return await exporter.WriteCsvAsync(filter, http.Response.Body, progress, http.RequestAborted);
        }
        // The workbook is built on disk (constant memory) before it is sent, in a folder of its own that only the app
        // can open (a fresh, unguessable name, made 0700), so no other local user can read it or take the name first.
        var folder = Directory.CreateTempSubdirectory("phonecrm-export-");
        var path = Path.Combine(folder.FullName, "numbers.xlsx");
        try
        {
            var rows = await exporter.WriteXlsxAsync(filter, path, progress, http.RequestAborted);
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
            http.Response.ContentLength = file.Length;
            await file.CopyToAsync(http.Response.Body, http.RequestAborted);
            return rows;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
