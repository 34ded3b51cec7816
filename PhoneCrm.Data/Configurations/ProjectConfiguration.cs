using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhoneCrm.Core.Projects;
using PhoneCrm.Core.Reference;
using PhoneCrm.Data.Projects;

namespace PhoneCrm.Data.Configurations;

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>, IEntityTypeConfiguration<ProjectManager>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("projects");
        builder.Ignore(p => p.IsDeleted);
        builder.ComplexProperty(p => p.Schedule, schedule =>
        {
            schedule.Property(s => s.Days).HasColumnName("schedule_days").HasConversion<int>();
            schedule.Property(s => s.WindowStart).HasColumnName("window_start");
            schedule.Property(s => s.WindowEnd).HasColumnName("window_end");
            schedule.Property(s => s.TimeZone).HasColumnName("schedule_time_zone");
        });
        builder.HasMany(p => p.Suppliers).WithMany().UsingEntity(
            "project_suppliers",
            r => r.HasOne(typeof(Supplier)).WithMany().HasForeignKey("supplier_id"),
            l => l.HasOne(typeof(Project)).WithMany().HasForeignKey("project_id"));
        builder.HasMany(p => p.Geos).WithMany().UsingEntity(
            "project_geos",
            r => r.HasOne(typeof(Geo)).WithMany().HasForeignKey("geo_id"),
            l => l.HasOne(typeof(Project)).WithMany().HasForeignKey("project_id"));
    }

    public void Configure(EntityTypeBuilder<ProjectManager> builder)
    {
        builder.ToTable("project_managers");
        builder.HasKey(m => new { m.ProjectId, m.UserId });
    }
}
