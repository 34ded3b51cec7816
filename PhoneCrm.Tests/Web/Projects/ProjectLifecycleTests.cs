using Microsoft.EntityFrameworkCore;
using Npgsql;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Projects;
using PhoneCrm.Core.Reference;
using PhoneCrm.Data.Projects;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.DeletedProjects;
using PhoneCrm.Web.Features.Projects;

namespace PhoneCrm.Tests.Web.Projects;

/// <summary>Projects from creation to permanent deletion, through the services the pages call, on a real database.</summary>
public sealed class ProjectLifecycleTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly ProjectsService _projects = new(database, TestLocalizer.Create());
    private readonly DeletedProjectsService _deleted = new(database, TestLocalizer.Create());

    private static ProjectDraft Draft(string name) => new() { Name = name, Description = "Test project" };

    [Fact]
    public async Task Creating_a_project_makes_its_numbers_partition_and_an_audit_row()
    {
        var id = await _projects.CreateAsync(TestUsers.Administrator, Draft("Partitioned " + Guid.NewGuid()));

        Assert.True(await PartitionExistsAsync(id));
        var audit = await AuditRowsAsync(id);
        Assert.Equal(["create"], audit.Select(a => a.Action));
        Assert.Equal("admin", audit[0].Actor);
        Assert.Contains("Partitioned", audit[0].NewValues);
    }

    [Fact]
    public async Task A_name_taken_by_a_live_project_is_refused_whatever_its_case()
    {
        var name = "Unique " + Guid.NewGuid();
        await _projects.CreateAsync(TestUsers.Administrator, Draft(name));

        var violations = await _projects.ValidateAsync(Draft(name.ToUpperInvariant()), projectId: null);
        var error = await Assert.ThrowsAsync<DomainException>(() => _projects.CreateAsync(TestUsers.Administrator, Draft(name.ToUpperInvariant())));

        Assert.Contains(violations, v => v.Field == nameof(ProjectDraft.Name));
        Assert.Contains(name.ToUpperInvariant(), error.Message);
    }

    [Fact]
    public async Task Editing_changes_the_project_and_records_old_and_new_values()
    {
        var supplier = await AddSupplierAsync();
        var id = await _projects.CreateAsync(TestUsers.Administrator, Draft("Before " + Guid.NewGuid()));
        var edited = Draft("After " + Guid.NewGuid());
        edited.SupplierIds = [supplier.Id];
        edited.Days = CallDays.Saturday | CallDays.Sunday;

        await _projects.UpdateAsync(TestUsers.Administrator, id, edited);

        var project = await _projects.GetAsync(TestUsers.Administrator, id);
        Assert.Equal(edited.Name, project.Name);
        Assert.Equal(CallDays.Saturday | CallDays.Sunday, project.Schedule.Days);
        Assert.Equal([supplier.Name], project.Suppliers.Select(s => s.Name));
        var update = (await AuditRowsAsync(id)).Single(a => a.Action == "update");
        Assert.Contains("Before", update.OldValues);
        Assert.Contains("After", update.NewValues);
    }

    [Fact]
    public async Task A_soft_deleted_project_leaves_every_list_and_keeps_its_partition()
    {
        var name = "Soft " + Guid.NewGuid();
        var id = await _projects.CreateAsync(TestUsers.Administrator, Draft(name));

        await _projects.SoftDeleteAsync(TestUsers.Administrator, id);

        var (rows, _) = await _projects.ListAsync(TestUsers.Administrator, new ProjectListQuery(Search: name));
        Assert.Empty(rows);
        var deleted = Assert.Single(await _deleted.ListAsync(TestUsers.Administrator), p => p.Id == id);
        Assert.Equal("admin", deleted.DeletedBy);
        Assert.True(await PartitionExistsAsync(id));
    }

    [Fact]
    public async Task Restore_brings_a_project_back_unless_a_live_project_took_its_name()
    {
        var name = "Restorable " + Guid.NewGuid();
        var first = await _projects.CreateAsync(TestUsers.Administrator, Draft(name));
        await _projects.SoftDeleteAsync(TestUsers.Administrator, first);
        var second = await _projects.CreateAsync(TestUsers.Administrator, Draft(name));

        var conflict = await Assert.ThrowsAsync<DomainException>(() => _deleted.RestoreAsync(TestUsers.Administrator, first));
        Assert.Contains(name, conflict.Message);
        Assert.Contains(await _deleted.ListAsync(TestUsers.Administrator), p => p.Id == first);

        await _projects.SoftDeleteAsync(TestUsers.Administrator, second);
        await _deleted.RestoreAsync(TestUsers.Administrator, first);
        var (rows, _) = await _projects.ListAsync(TestUsers.Administrator, new ProjectListQuery(Search: name));
        Assert.Equal([first], rows.Select(r => r.Id));
        Assert.Contains(await AuditRowsAsync(first), a => a.Action == "restore");
    }

    [Fact]
    public async Task Permanent_delete_needs_the_exact_name_and_drops_the_partition()
    {
        var name = "Doomed " + Guid.NewGuid();
        var id = await _projects.CreateAsync(TestUsers.Administrator, Draft(name));
        await _projects.SoftDeleteAsync(TestUsers.Administrator, id);

        await Assert.ThrowsAsync<DomainException>(() => _deleted.DeletePermanentlyAsync(TestUsers.Administrator, id, name.ToLowerInvariant()));
        Assert.True(await PartitionExistsAsync(id));

        await _deleted.DeletePermanentlyAsync(TestUsers.Administrator, id, name);

        Assert.False(await PartitionExistsAsync(id));
        await using var db = database.CreateContext();
        Assert.False(await db.Projects.AnyAsync(p => p.Id == id));
        Assert.Contains(await AuditRowsAsync(id), a => a.Action == "permanent_delete" && a.OldValues!.Contains(name));
    }

    [Fact]
    public async Task A_live_project_cannot_be_deleted_permanently()
    {
        var name = "Live " + Guid.NewGuid();
        var id = await _projects.CreateAsync(TestUsers.Administrator, Draft(name));

        await Assert.ThrowsAsync<DomainException>(() => _deleted.DeletePermanentlyAsync(TestUsers.Administrator, id, name));
        Assert.True(await PartitionExistsAsync(id));
    }

    [Fact]
    public async Task A_manager_sees_and_edits_only_assigned_projects_and_cannot_delete()
    {
        var managerId = await AddUserAsync();
        var manager = TestUsers.Manager(managerId);
        var assigned = await _projects.CreateAsync(TestUsers.Administrator, Draft("Assigned " + Guid.NewGuid()));
        var other = await _projects.CreateAsync(TestUsers.Administrator, Draft("Other " + Guid.NewGuid()));
        await using (var db = database.CreateContext())
        {
            db.ProjectManagers.Add(new ProjectManager { ProjectId = assigned, UserId = managerId });
            await db.SaveChangesAsync();
        }

        var (rows, total) = await _projects.ListAsync(manager, new ProjectListQuery());

        Assert.Equal([assigned], rows.Select(r => r.Id));
        Assert.Equal(1, total);
        await Assert.ThrowsAsync<DomainException>(() => _projects.GetAsync(manager, other));
        await Assert.ThrowsAsync<DomainException>(() => _projects.UpdateAsync(manager, other, Draft("Hijack " + Guid.NewGuid())));
        await Assert.ThrowsAsync<DomainException>(() => _projects.SoftDeleteAsync(manager, assigned));
        await Assert.ThrowsAsync<DomainException>(() => _projects.CreateAsync(manager, Draft("Mine " + Guid.NewGuid())));
        await Assert.ThrowsAsync<DomainException>(() => _deleted.ListAsync(manager));
        await _projects.UpdateAsync(manager, assigned, Draft("Renamed by manager " + Guid.NewGuid()));
    }

    [Fact]
    public async Task Search_and_filters_narrow_the_list()
    {
        var geo = new Geo { Code = "KZ-" + Random.Shared.Next(100000), Name = "Kazakhstan", TimeZone = "Asia/Almaty" };
        await using (var db = database.CreateContext())
        {
            db.Geos.Add(geo);
            await db.SaveChangesAsync();
        }
        var tag = Guid.NewGuid().ToString("N")[..8];
        var withGeo = Draft($"Almaty {tag}");
        withGeo.GeoIds = [geo.Id];
        var withGeoId = await _projects.CreateAsync(TestUsers.Administrator, withGeo);
        await _projects.CreateAsync(TestUsers.Administrator, Draft($"Moscow {tag}"));

        var (bySearch, _) = await _projects.ListAsync(TestUsers.Administrator, new ProjectListQuery(Search: tag));
        var (byGeo, _) = await _projects.ListAsync(TestUsers.Administrator, new ProjectListQuery(Search: tag, GeoId: geo.Id));
        var (likeIsLiteral, _) = await _projects.ListAsync(TestUsers.Administrator, new ProjectListQuery(Search: "%" + tag));

        Assert.Equal(2, bySearch.Count);
        Assert.Equal([withGeoId], byGeo.Select(r => r.Id));
        Assert.Empty(likeIsLiteral);
    }

    private async Task<bool> PartitionExistsAsync(long projectId)
    {
        await using var command = database.DataSource.CreateCommand("SELECT to_regclass(numbers_partition_name($1)) IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = projectId });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<PhoneCrm.Core.Audit.AuditEntry>> AuditRowsAsync(long projectId)
    {
        await using var db = database.CreateContext();
        return await db.AuditLog.Where(a => a.EntityType == "project" && a.EntityId == projectId.ToString())
            .OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<Supplier> AddSupplierAsync()
    {
        await using var db = database.CreateContext();
        var supplier = new Supplier { Name = "Supplier " + Guid.NewGuid() };
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync();
        return supplier;
    }

    private async Task<string> AddUserAsync()
    {
        var id = Guid.NewGuid().ToString();
        await using var db = database.CreateContext();
        db.Users.Add(new PhoneCrm.Data.Identity.CrmUser { Id = id, UserName = "m-" + id, NormalizedUserName = "M-" + id.ToUpperInvariant() });
        await db.SaveChangesAsync();
        return id;
    }
}
