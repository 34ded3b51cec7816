using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Projects;
using PhoneCrm.Core.Reference;
using PhoneCrm.Core.Sftp;
using PhoneCrm.Core.SoftPhone;
using PhoneCrm.Data.Identity;
using PhoneCrm.Data.Projects;
using PhoneCrm.Data.Schema;

namespace PhoneCrm.Data;

/// <summary>
/// The one context of the app. Use it through IDbContextFactory, one instance per operation: a Blazor
/// circuit lives for hours and a long-lived context would grow and go stale.
/// The schema itself is made by the SQL files in Migrations/, not by EF.
/// </summary>
public sealed class CrmDbContext(DbContextOptions<CrmDbContext> options) : IdentityDbContext<CrmUser>(options)
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectManager> ProjectManagers => Set<ProjectManager>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Geo> Geos => Set<Geo>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<WebhookSecret> WebhookSecrets => Set<WebhookSecret>();
    public DbSet<CallResultStatus> CallResultStatuses => Set<CallResultStatus>();
    public DbSet<SftpHost> SftpHosts => Set<SftpHost>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
        SnakeCaseNames.ApplyToColumns(builder);
    }
}
