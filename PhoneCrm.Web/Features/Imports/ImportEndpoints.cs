using Microsoft.Extensions.Localization;
using Npgsql;
using PhoneCrm.Core.Common;
using PhoneCrm.Data.Common;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;
using PhoneCrm.Web.Features.Metrics;

namespace PhoneCrm.Web.Features.Imports;

public static class ImportEndpoints
{
    public static void MapImportEndpoints(this WebApplication app) =>
        // The reject report: every row not imported, with its row number in the file, raw value and reason.
        app.MapGet("/imports/{batchId:long}/rejects.csv", async (long batchId, HttpContext http, ImportsService imports, NpgsqlDataSource dataSource,
            IStringLocalizer<Strings> l) =>
        {
            var connection = new ClientConnection();
            connection.CopyFrom(http);
            try
            {
                await imports.EnsureBatchVisibleAsync(CurrentUser.From(http.User, connection), batchId, http.RequestAborted);
            }
            catch (DomainException)
            {
                return Results.NotFound();
            }
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"import-{batchId}-rejects.csv\"";
            await CsvCopy.ToStreamAsync(dataSource, RejectReport.Sql(batchId, l), http.Response.Body, http.RequestAborted);
            CrmMetrics.ExportSent("rejects", "csv");
            return Results.Empty;
        });
}
