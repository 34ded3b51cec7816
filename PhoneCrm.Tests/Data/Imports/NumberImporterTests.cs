using System.Text;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Imports;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Data.Imports;

public sealed class NumberImporterTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly ImportTestKit _kit = new(database);

    [Fact]
    public async Task A_mixed_file_imports_the_good_rows_and_reports_every_other_row_with_its_reason()
    {
        var project = await _kit.CreateProjectAsync();
        await _kit.ImportAsync(project, ImportTestKit.WriteCsv("Телефон;Поставщик\n+7 912 000-00-01;Alpha\n"), new ImportSettings { PhoneColumn = 0, SupplierColumn = 1 });
        var supplierName = "Beta " + Guid.NewGuid().ToString("N")[..6];
        var csv = new StringBuilder("Телефон;Поставщик;Имя\n");
        csv.Append("+7 (912) 345-67-89;" + supplierName + ";Иван\n");   // row 2: ok
        csv.Append("8 912 345 67 90;" + supplierName + ";Пётр\n");       // row 3: ok, trunk prefix
        csv.Append("not a phone;" + supplierName + ";\n");               // row 4: letters
        csv.Append("79123456789;" + supplierName + ";dup\n");           // row 5: duplicate of row 2
        csv.Append("+7 912 000-00-01;" + supplierName + ";\n");          // row 6: already in the project
        csv.Append("123;" + supplierName + ";\n");                       // row 7: too short

        var outcome = await _kit.ImportAsync(project, ImportTestKit.WriteCsv(csv.ToString()), new ImportSettings { PhoneColumn = 0, SupplierColumn = 1 });

        Assert.Equal(6, outcome.RowsRead);
        Assert.Equal(2, outcome.Accepted);
        Assert.Equal(2, outcome.Rejected);
        Assert.Equal(1, outcome.DuplicatesInFile);
        Assert.Equal(1, outcome.DuplicatesInProject);
        var rejects = await _kit.RejectsAsync(_kit.LastBatchId);
        Assert.Equal([4L, 5L, 6L, 7L], rejects.Select(r => r.Row));
        Assert.Equal("not a phone", rejects[0].Raw);
        Assert.Contains("first at row 2", rejects[1].Reason);
        Assert.Equal(ImportRejectReasons.AlreadyInProject, rejects[2].Reason);
        Assert.Equal(3L, await _kit.ScalarAsync<long>($"SELECT count(*) FROM numbers WHERE project_id = {project}"));
        Assert.Equal(3L, await _kit.ScalarAsync<long>($"SELECT sum(n)::bigint FROM number_counts WHERE project_id = {project}"));
        Assert.Equal(2L, await _kit.ScalarAsync<long>(
            $"SELECT count(*) FROM numbers n JOIN suppliers s ON s.id = n.supplier_id WHERE n.project_id = {project} AND s.name = '{supplierName}'"));
        Assert.Equal("Иван", await _kit.ScalarAsync<string>($"SELECT extra->>'Имя' FROM numbers WHERE project_id = {project} AND phone = '+79123456789'"));
        Assert.Equal("completed", await _kit.ScalarAsync<string>($"SELECT status FROM import_batches WHERE id = {_kit.LastBatchId}"));
        Assert.Equal(1L, await _kit.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE action = 'import' AND entity_id = '{project}' AND new_values->>'batch_id' = '{_kit.LastBatchId}'"));
    }

    [Fact]
    public async Task Numbers_in_another_live_project_are_skipped_only_when_asked()
    {
        var other = await _kit.CreateProjectAsync();
        await _kit.ImportAsync(other, ImportTestKit.WriteCsv("phone\n+447946000001\n"), new ImportSettings());
        var target = await _kit.CreateProjectAsync();

        var allowed = await _kit.ImportAsync(target, ImportTestKit.WriteCsv("phone\n+447946000001\n+447946000002\n"), new ImportSettings());
        var strictTarget = await _kit.CreateProjectAsync();
        var strict = await _kit.ImportAsync(strictTarget, ImportTestKit.WriteCsv("phone\n+447946000001\n+447946000003\n"),
            new ImportSettings { SkipNumbersInOtherProjects = true });

        Assert.Equal(2, allowed.Accepted);
        Assert.Equal(1, strict.Accepted);
        Assert.Equal(1, strict.DuplicatesElsewhere);
    }

    [Fact]
    public async Task A_bad_file_leaves_the_database_as_it_was()
    {
        var project = await _kit.CreateProjectAsync();
        var garbage = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(garbage, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray());

        await Assert.ThrowsAsync<DomainException>(() => _kit.ImportAsync(project, garbage, new ImportSettings()));

        Assert.Equal(0L, await _kit.ScalarAsync<long>($"SELECT count(*) FROM numbers WHERE project_id = {project}"));
        Assert.Equal(0L, await _kit.ScalarAsync<long>($"SELECT count(*) FROM import_rejects WHERE batch_id = {_kit.LastBatchId}"));
    }

    [Fact]
    public async Task A_header_only_file_is_refused_with_a_message()
    {
        var project = await _kit.CreateProjectAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => _kit.ImportAsync(project, ImportTestKit.WriteCsv("phone;name\n"), new ImportSettings()));

        Assert.Contains("no data rows", error.Message);
    }

    [Fact]
    public async Task A_cancelled_import_keeps_nothing()
    {
        var project = await _kit.CreateProjectAsync();
        var csv = new StringBuilder("phone\n");
        for (var i = 0; i < 300_000; i++)
            csv.Append("+7912").Append(i.ToString("D7")).Append('\n');
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _kit.ImportAsync(project, ImportTestKit.WriteCsv(csv.ToString()), new ImportSettings(), cancellation));

        Assert.Equal(0L, await _kit.ScalarAsync<long>($"SELECT count(*) FROM numbers WHERE project_id = {project}"));
        Assert.Equal(0L, await _kit.ScalarAsync<long>($"SELECT count(*) FROM number_counts WHERE project_id = {project} AND n <> 0"));
    }

    [Fact]
    public async Task One_percent_of_invalid_rows_in_a_large_file_are_exactly_the_ones_reported()
    {
        var project = await _kit.CreateProjectAsync();
        const int rows = 1_000_000;
        var csv = new StringBuilder("phone,comment\n");
        var invalidRows = new List<long>();
        for (var i = 0; i < rows; i++)
        {
            if (i % 100 == 37)
            {
                csv.Append("bad-").Append(i).Append(",x\n");
                invalidRows.Add(i + 2);
            }
            else
            {
                csv.Append("+7913").Append(i.ToString("D7")).Append(",ok\n");
            }
        }

        var outcome = await _kit.ImportAsync(project, ImportTestKit.WriteCsv(csv.ToString()), new ImportSettings());

        Assert.Equal(rows - invalidRows.Count, outcome.Accepted);
        Assert.Equal(invalidRows, (await _kit.RejectsAsync(_kit.LastBatchId)).Select(r => r.Row));
    }
}
