using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Npgsql;
using NpgsqlTypes;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Data.Numbers;
using PhoneCrm.Data.SoftPhone;
using PhoneCrm.Web.Features.Projects;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Numbers;

/// <summary>Reading and changing a project's numbers, for users who may see the project.</summary>
public sealed class NumbersService(
    IDbContextFactory<CrmDbContext> contexts, NumberQueries queries, CallEventQueries calls, IStringLocalizer<Strings> l)
{
    public async Task<NumberPage> PageAsync(CurrentUser user, NumberFilter filter, NumberSort sort, PageRequest request,
        NumberCursor? cursor, int size, CancellationToken cancellationToken = default)
    {
        await EnsureVisibleAsync(user, filter.ProjectId, cancellationToken);
        return await queries.PageAsync(filter, sort, request, cursor, Math.Clamp(size, 1, 100), cancellationToken);
    }

    public async Task<(long Count, bool Exact)> CountAsync(CurrentUser user, NumberFilter filter, CancellationToken cancellationToken = default)
    {
        await EnsureVisibleAsync(user, filter.ProjectId, cancellationToken);
        return await queries.CountAsync(filter, cancellationToken);
    }

    public async Task<NumberFacets> FacetsAsync(CurrentUser user, long projectId, CancellationToken cancellationToken = default)
    {
        await EnsureVisibleAsync(user, projectId, cancellationToken);
        return await queries.FacetsAsync(projectId, cancellationToken);
    }

    public async Task<NumberRow> GetAsync(CurrentUser user, long projectId, long numberId, CancellationToken cancellationToken = default)
    {
        await EnsureVisibleAsync(user, projectId, cancellationToken);
        return await queries.GetAsync(projectId, numberId, cancellationToken) ?? throw new DomainException(l["Numbers.NotFound"]);
    }

    /// <summary>
    /// Sets the status of every number the filter selects, in one UPDATE, with one audit row naming the filter
    /// and the count. The counters follow through the table's statement trigger.
    /// </summary>
    public async Task<long> ChangeStatusAsync(CurrentUser user, NumberFilter filter, NumberStatus status, CancellationToken cancellationToken = default)
    {
        await EnsureVisibleAsync(user, filter.ProjectId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = (NpgsqlConnection)db.Database.GetDbConnection(), Transaction = (NpgsqlTransaction)transaction.GetDbTransaction() };
        var sql = new StringBuilder("""
            UPDATE numbers n SET status = @new_status, worked_at = now(),
                converted_at = CASE WHEN @new_status = 5 THEN coalesce(n.converted_at, now()) ELSE n.converted_at END
            WHERE
            """);
        NumberQueries.AppendFilter(sql, filter, command);
        sql.Append(" AND n.status <> @new_status");
        command.Parameters.Add(new NpgsqlParameter("new_status", NpgsqlDbType.Smallint) { Value = (short)status });
        command.CommandText = sql.ToString();
        command.CommandTimeout = 0;
        var changed = await command.ExecuteNonQueryAsync(cancellationToken);
        db.AddAudit(user.Actor, AuditActions.BulkStatusChange, AuditEntities.Project, filter.ProjectId.ToString(),
            new { filter.Status, filter.SupplierId, filter.GeoId, prefix = filter.NormalizedPrefix, filter.Country, filter.NumberType, filter.Operator },
            new { status = status.ToString(), changed });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task ChangeOneAsync(CurrentUser user, long projectId, long numberId, NumberStatus status, CancellationToken cancellationToken = default)
    {
        var before = await GetAsync(user, projectId, numberId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var statusValue = (short)status;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE numbers SET status = {statusValue}, worked_at = now(),
                converted_at = CASE WHEN {statusValue} = 5 THEN coalesce(converted_at, now()) ELSE converted_at END
            WHERE project_id = {projectId} AND id = {numberId}
            """, cancellationToken);
        db.AddAudit(user.Actor, AuditActions.StatusChange, AuditEntities.Number, numberId.ToString(),
            new { project_id = projectId, status = before.Status.ToString() }, new { project_id = projectId, status = status.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The audit rows about one number, newest first: its history.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(CurrentUser user, long projectId, long numberId, CancellationToken cancellationToken = default)
    {
        await EnsureVisibleAsync(user, projectId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = numberId.ToString();
        return await db.AuditLog.AsNoTracking().Where(a => a.EntityType == AuditEntities.Number && a.EntityId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(200).ToListAsync(cancellationToken);
    }

    /// <summary>The calls linked to one number, newest first: the card's timeline.</summary>
    public async Task<IReadOnlyList<CallRow>> CallsAsync(CurrentUser user, long projectId, long numberId, CancellationToken cancellationToken = default)
    {
        await EnsureVisibleAsync(user, projectId, cancellationToken);
        return await calls.TimelineAsync(projectId, numberId, 500, cancellationToken);
    }

    private Task EnsureVisibleAsync(CurrentUser user, long projectId, CancellationToken cancellationToken) =>
        ProjectsService.EnsureVisibleAsync(contexts, user, projectId, l, cancellationToken);
}
