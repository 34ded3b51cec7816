using Microsoft.EntityFrameworkCore;
using PhoneCrm.Core.Audit;

namespace PhoneCrm.Data.Audit;

/// <summary>
/// Keyset paging over the audit log, newest first on (at, id): every page costs the same however deep,
/// because the row-value predicate (at, id) < (x, y) seeks the index ix_audit_log_at_id instead of skipping rows.
/// </summary>
public sealed class AuditQueries(IDbContextFactory<CrmDbContext> contexts)
{
    public async Task<AuditKeysetPage> FirstAsync(AuditFilter filter, int size, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Filtered(db, filter).OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(size + 1).ToListAsync(cancellationToken);
        return Page(rows, size, hasNewer: false);
    }

    /// <summary>The page of older rows after <paramref name="cursor"/>.</summary>
    public async Task<AuditKeysetPage> OlderAsync(AuditFilter filter, AuditCursor cursor, int size, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Filtered(db, filter)
            .Where(a => EF.Functions.LessThan(ValueTuple.Create(a.At, a.Id), ValueTuple.Create(cursor.At, cursor.Id)))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(size + 1).ToListAsync(cancellationToken);
        return Page(rows, size, hasNewer: true);
    }

    /// <summary>The page of newer rows before <paramref name="cursor"/>, still returned newest first.</summary>
    public async Task<AuditKeysetPage> NewerAsync(AuditFilter filter, AuditCursor cursor, int size, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Filtered(db, filter)
            .Where(a => EF.Functions.GreaterThan(ValueTuple.Create(a.At, a.Id), ValueTuple.Create(cursor.At, cursor.Id)))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Take(size + 1).ToListAsync(cancellationToken);
        var hasNewer = rows.Count > size;
        var page = rows.Take(size).Reverse().ToList();
        return new AuditKeysetPage(page, HasOlder: true, HasNewer: hasNewer);
    }

    /// <summary>Every row matching the filter, newest first, streamed for export.</summary>
    public async IAsyncEnumerable<AuditEntry> StreamAsync(
        AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter).AsNoTracking().OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
        await foreach (var row in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return row;
    }

    public async Task<IReadOnlyList<string>> ActorsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditLog.Select(a => a.Actor).Distinct().OrderBy(a => a).Take(500).ToListAsync(cancellationToken);
    }

    private static IQueryable<AuditEntry> Filtered(CrmDbContext db, AuditFilter filter)
    {
        var query = db.AuditLog.AsNoTracking();
        if (filter.From is { } from)
            query = query.Where(a => a.At >= from);
        if (filter.To is { } to)
            query = query.Where(a => a.At < to);
        if (!string.IsNullOrEmpty(filter.Actor))
            query = query.Where(a => a.Actor == filter.Actor);
        if (!string.IsNullOrEmpty(filter.EntityType))
            query = query.Where(a => a.EntityType == filter.EntityType);
        if (!string.IsNullOrEmpty(filter.Action))
            query = query.Where(a => a.Action == filter.Action);
        return query;
    }

    private static AuditKeysetPage Page(List<AuditEntry> rows, int size, bool hasNewer) =>
        new(rows.Take(size).ToList(), HasOlder: rows.Count > size, HasNewer: hasNewer);
}
