using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Projects;
using PhoneCrm.Core.Reference;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Reference;

/// <summary>Suppliers and geos: read by everyone who edits projects, changed by administrators only.</summary>
public sealed class ReferenceService(IDbContextFactory<CrmDbContext> contexts, IStringLocalizer<Strings> l)
{
    public async Task<IReadOnlyList<Supplier>> SuppliersAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Suppliers.AsNoTracking();
        if (activeOnly)
            query = query.Where(s => s.IsActive);
        return await query.OrderBy(s => s.Name).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Geo>> GeosAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Geos.AsNoTracking().OrderBy(g => g.Code).ToListAsync(cancellationToken);
    }

    public async Task SaveSupplierAsync(CurrentUser user, Supplier edited, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        if (string.IsNullOrWhiteSpace(edited.Name))
            throw new DomainException(l["Validation.NameRequired"]);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = edited.Name.Trim();
        if (await db.Suppliers.AnyAsync(s => s.Id != edited.Id && s.Name.ToLower() == name.ToLower(), cancellationToken))
            throw new DomainException(l["Reference.SupplierNameTaken", name]);

        var supplier = edited.Id == 0 ? new Supplier() : await db.Suppliers.SingleAsync(s => s.Id == edited.Id, cancellationToken);
        var before = edited.Id == 0 ? null : new { supplier.Name, supplier.Contact, supplier.IsActive };
        supplier.Name = name;
        supplier.Contact = string.IsNullOrWhiteSpace(edited.Contact) ? null : edited.Contact.Trim();
        supplier.IsActive = edited.IsActive;
        if (edited.Id == 0)
            db.Suppliers.Add(supplier);
        // A new row needs its id for the audit row; one transaction keeps the two together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.AddAudit(user.Actor, before is null ? AuditActions.Create : AuditActions.Update, AuditEntities.Supplier,
            supplier.Id.ToString(), before, new { supplier.Name, supplier.Contact, supplier.IsActive });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SaveGeoAsync(CurrentUser user, Geo edited, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        if (string.IsNullOrWhiteSpace(edited.Code) || string.IsNullOrWhiteSpace(edited.Name))
            throw new DomainException(l["Reference.GeoCodeAndNameRequired"]);
        if (!ProjectRules.IsKnownTimeZone(edited.TimeZone))
            throw new DomainException(l["Validation.UnknownTimeZone"]);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = edited.Code.Trim().ToUpperInvariant();
        if (await db.Geos.AnyAsync(g => g.Id != edited.Id && g.Code.ToUpper() == code, cancellationToken))
            throw new DomainException(l["Reference.GeoCodeTaken", code]);

        var geo = edited.Id == 0 ? new Geo() : await db.Geos.SingleAsync(g => g.Id == edited.Id, cancellationToken);
        var before = edited.Id == 0 ? null : new { geo.Code, geo.Name, geo.TimeZone };
        geo.Code = code;
        geo.Name = edited.Name.Trim();
        geo.TimeZone = edited.TimeZone;
        if (edited.Id == 0)
            db.Geos.Add(geo);
        // A new row needs its id for the audit row; one transaction keeps the two together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.AddAudit(user.Actor, before is null ? AuditActions.Create : AuditActions.Update, AuditEntities.Geo,
            geo.Id.ToString(), before, new { geo.Code, geo.Name, geo.TimeZone });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A geo still used by a project (live or deleted) stays; the message says which.</summary>
    public async Task DeleteGeoAsync(CurrentUser user, long id, CancellationToken cancellationToken = default)
    {
        user.EnsureAdministrator(l);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var geo = await db.Geos.SingleOrDefaultAsync(g => g.Id == id, cancellationToken)
            ?? throw new DomainException(l["Reference.NotFound"]);
        var usedBy = await db.Projects.Where(p => p.Geos.Any(g => g.Id == id)).Select(p => p.Name).Take(3).ToListAsync(cancellationToken);
        if (usedBy.Count > 0)
            throw new DomainException(l["Reference.GeoInUse", geo.Code, string.Join(", ", usedBy)]);
        db.Geos.Remove(geo);
        db.AddAudit(user.Actor, AuditActions.Delete, AuditEntities.Geo, id.ToString(), new { geo.Code, geo.Name, geo.TimeZone }, null);
        await db.SaveChangesAsync(cancellationToken);
    }
}
