using Microsoft.EntityFrameworkCore;
using PhoneCrm.Core.Audit;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Audit;

public sealed class AuditExportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_export_holds_the_filtered_rows_defuses_formulas_and_is_itself_audited()
    {
        await using (var db = fixture.Database.CreateContext())
        {
            db.AuditLog.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "=HYPERLINK(\"x\")", Action = AuditActions.Update, EntityType = AuditEntities.Supplier, EntityId = "7" });
            db.AuditLog.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "someone", Action = AuditActions.Create, EntityType = AuditEntities.Geo, EntityId = "8" });
            await db.SaveChangesAsync();
        }
        using var client = await WebSession.SignInAsync(fixture.App, "admin", AppFixture.AdminPassword);

        var response = await client.GetAsync("/audit/export.csv?entity=supplier");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("at,actor,ip_address", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains("'=HYPERLINK", row);
        await using var check = fixture.Database.CreateContext();
        var exports = await check.AuditLog.Where(a => a.Action == AuditActions.Export && a.Actor == "admin").ToListAsync();
        Assert.Contains(exports, a => a.NewValues!.Contains("supplier"));
    }
}
