using System.Text;
using PhoneCrm.Core.Imports;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Data.Imports;

/// <summary>
/// What the importer must get right now that it works a chunk at a time, with supplier and geo texts turned
/// into ids on the client: repeats and known phones across chunk boundaries, and geo texts that match more
/// than one geo.
/// </summary>
public sealed class NumberImporterChunkTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly ImportTestKit _kit = new(database);

    [Fact]
    public async Task Repeats_and_known_phones_are_found_across_chunks_and_the_counters_stay_exact()
    {
        var project = await _kit.CreateProjectAsync();
        await _kit.ImportAsync(project, ImportTestKit.WriteCsv("phone\n+79140000007\n+79140050000\n"), new ImportSettings());
        const int rows = 60_000; // more than two chunks
        var csv = new StringBuilder("phone;supplier\n");
        for (var i = 0; i < rows; i++)
        {
            // The last 1,000 rows repeat rows 2..1001 (written another way); two rows were imported before.
            var n = i < rows - 1000 ? i : i - (rows - 1000);
            csv.Append(i < rows - 1000 ? "+7914" : "8914").Append(n.ToString("D7")).Append(";Chunky ").Append(i % 3).Append('\n');
        }

        var outcome = await _kit.ImportAsync(project, ImportTestKit.WriteCsv(csv.ToString()), new ImportSettings { PhoneColumn = 0, SupplierColumn = 1 });

        Assert.Equal(rows, outcome.RowsRead);
        Assert.Equal(1000, outcome.DuplicatesInFile);
        Assert.Equal(2, outcome.DuplicatesInProject);
        Assert.Equal(rows - 1000 - 2, outcome.Accepted);
        var rejects = await _kit.RejectsAsync(_kit.LastBatchId);
        Assert.Equal(1002, rejects.Count);
        Assert.Equal((9L, "+79140000007", ImportRejectReasons.AlreadyInProject), rejects[0]);
        Assert.Equal((rows - 1000 + 2L, "89140000000", ImportRejectReasons.DuplicateInFile + " (first at row 2)"), rejects[2]);
        Assert.Equal(rows - 1000L, await _kit.ScalarAsync<long>($"SELECT count(*) FROM numbers WHERE project_id = {project}"));
        Assert.Equal(rows - 1000L, await _kit.ScalarAsync<long>($"SELECT sum(n)::bigint FROM number_counts WHERE project_id = {project}"));
        Assert.Equal(0L, await _kit.ScalarAsync<long>($"""
            SELECT count(*) FROM numbers n JOIN suppliers s ON s.id = n.supplier_id
            WHERE n.project_id = {project} AND n.import_batch_id = {_kit.LastBatchId} AND s.name <> 'Chunky ' || (right(n.phone, 7)::int % 3)
            """));
    }

    [Fact]
    public async Task A_geo_text_matching_two_geos_takes_the_code_first_then_the_oldest_and_imports_the_row_once()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (first, second) = (await GeoAsync($"GA{tag}", $"Land {tag}"), await GeoAsync($"GB{tag}", $"Land {tag}"));
        var project = await _kit.CreateProjectAsync();
        var csv = $"phone;geo\n+79150000001;land {tag}\n+79150000002;gb{tag}\n+79150000003;nowhere {tag}\n+79150000004;\n";

        var outcome = await _kit.ImportAsync(project, ImportTestKit.WriteCsv(csv), new ImportSettings { PhoneColumn = 0, GeoColumn = 1 });

        Assert.Equal(4, outcome.Accepted);
        Assert.Equal(first, await GeoOfAsync(project, "+79150000001"));
        Assert.Equal(second, await GeoOfAsync(project, "+79150000002"));
        Assert.Null(await GeoOfAsync(project, "+79150000003"));
    }

    private Task<long> GeoAsync(string code, string name) => _kit.ScalarAsync<long>(
        $"INSERT INTO geos (code, name, time_zone) VALUES ('{code}', '{name}', 'UTC') RETURNING id");

    private async Task<long?> GeoOfAsync(long project, string phone) =>
        await _kit.ScalarAsync<object>($"SELECT geo_id FROM numbers WHERE project_id = {project} AND phone = '{phone}'") is long id ? id : null;
}
