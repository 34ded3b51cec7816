using PhoneCrm.Core.Common;
using PhoneCrm.Core.Reference;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Projects;
using PhoneCrm.Web.Features.Reference;

namespace PhoneCrm.Tests.Web.Reference;

public sealed class ReferenceServiceTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly ReferenceService _reference = new(database, TestLocalizer.Create());

    [Fact]
    public async Task Suppliers_are_unique_by_name_and_can_be_deactivated()
    {
        var name = "Leads Ltd " + Guid.NewGuid().ToString("N")[..6];
        await _reference.SaveSupplierAsync(TestUsers.Administrator, new Supplier { Name = name, Contact = "ops@leads.example" });
        var saved = (await _reference.SuppliersAsync()).Single(s => s.Name == name);

        await Assert.ThrowsAsync<DomainException>(() => _reference.SaveSupplierAsync(TestUsers.Administrator, new Supplier { Name = name.ToUpperInvariant() }));
        saved.IsActive = false;
        await _reference.SaveSupplierAsync(TestUsers.Administrator, saved);

        Assert.DoesNotContain(await _reference.SuppliersAsync(activeOnly: true), s => s.Id == saved.Id);
        Assert.Contains(await _reference.SuppliersAsync(), s => s.Id == saved.Id && !s.IsActive);
    }

    [Fact]
    public async Task A_geo_used_by_a_project_cannot_be_deleted()
    {
        var code = "G" + Random.Shared.Next(100000, 999999);
        await _reference.SaveGeoAsync(TestUsers.Administrator, new Geo { Code = code.ToLowerInvariant(), Name = "Somewhere", TimeZone = "Asia/Almaty" });
        var geo = (await _reference.GeosAsync()).Single(g => g.Code == code);
        await new ProjectsService(database, TestLocalizer.Create())
            .CreateAsync(TestUsers.Administrator, new() { Name = "Uses " + code, GeoIds = [geo.Id] });

        var error = await Assert.ThrowsAsync<DomainException>(() => _reference.DeleteGeoAsync(TestUsers.Administrator, geo.Id));

        Assert.Contains(code, error.Message);
        Assert.Contains(await _reference.GeosAsync(), g => g.Id == geo.Id);
        await Assert.ThrowsAsync<DomainException>(() => _reference.SaveGeoAsync(TestUsers.Administrator, new Geo { Code = "X1", Name = "Bad zone", TimeZone = "Nowhere/Void" }));
    }
}
