using PhoneCrm.Core.Imports;
using PhoneCrm.Data.Numbers;
using PhoneCrm.Data.SoftPhone;
using PhoneCrm.Tests.Data.Imports;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Imports;
using PhoneCrm.Web.Features.Numbers;

namespace PhoneCrm.Tests.Web.Imports;

public sealed class ImportRevertTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly ImportTestKit _kit = new(database);

    private ImportsService Imports() =>
        new(database, database.DataSource, new ImportQueue(), new ImportOptions(), TestLocalizer.Create());

    [Fact]
    public async Task Revert_removes_exactly_the_batch_numbers_and_keeps_worked_ones_unless_asked()
    {
        var project = await _kit.CreateProjectAsync();
        await _kit.ImportAsync(project, ImportTestKit.WriteCsv("phone\n+79130000001\n"), new ImportSettings());
        await _kit.ImportAsync(project, ImportTestKit.WriteCsv("phone\n+79130000002\n+79130000003\n+79130000004\n"), new ImportSettings());
        var batch = _kit.LastBatchId;
        var numbers = new NumbersService(database, new NumberQueries(database.DataSource), new CallEventQueries(database.DataSource), TestLocalizer.Create());
        var worked = (await numbers.PageAsync(TestUsers.Administrator, new NumberFilter(project, PhonePrefix: "79130000003"),
            NumberSort.Created, PageRequest.First, null, 10)).Rows.Single();
        await numbers.ChangeOneAsync(TestUsers.Administrator, project, worked.Id, PhoneCrm.Core.Numbers.NumberStatus.Callback);

        var preview = await Imports().RevertPreviewAsync(TestUsers.Administrator, batch);
        var removed = await Imports().RevertAsync(TestUsers.Administrator, batch, includeWorked: false);

        Assert.Equal((3L, 1L), preview);
        Assert.Equal(2, removed);
        var left = await _kit.ScalarAsync<string>($"SELECT string_agg(phone, ',' ORDER BY phone) FROM numbers WHERE project_id = {project}");
        Assert.Equal("+79130000001,+79130000003", left);
        Assert.Equal("reverted", await _kit.ScalarAsync<string>($"SELECT status FROM import_batches WHERE id = {batch}"));
        Assert.Equal(2L, await _kit.ScalarAsync<long>($"SELECT sum(n)::bigint FROM number_counts WHERE project_id = {project}"));
        Assert.Equal(1L, await _kit.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE action = 'revert_import' AND entity_id = '{project}'"));

        Assert.Equal(1, await Imports().RevertAsync(TestUsers.Administrator, batch, includeWorked: true));
    }

    [Fact]
    public async Task A_manager_cannot_touch_the_imports_of_a_project_not_assigned_to_them()
    {
        var project = await _kit.CreateProjectAsync();
        await _kit.ImportAsync(project, ImportTestKit.WriteCsv("phone\n+79140000001\n"), new ImportSettings());

        await Assert.ThrowsAsync<PhoneCrm.Core.Common.DomainException>(() => Imports().RevertAsync(TestUsers.Manager("stranger"), _kit.LastBatchId, true));
        Assert.Empty(await Imports().ListAsync(TestUsers.Manager("stranger"), projectId: null));
    }
}
