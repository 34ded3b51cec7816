using System.Text;
using PhoneCrm.Core.Imports;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Data.Imports.Files;
using PhoneCrm.Data.Numbers;
using PhoneCrm.Tests.Data.Imports;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Data.Numbers;

public sealed class NumberExporterTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly ImportTestKit _kit = new(database);

    private async Task<long> ProjectWithNumbersAsync()
    {
        var project = await _kit.CreateProjectAsync();
        await _kit.ImportAsync(project, ImportTestKit.WriteCsv(
            "phone;comment\n+79120000001;=HYPERLINK(\"http://evil\")\n+79120000002;@SUM(A1)\n+79120000003;plain\n"),
            new ImportSettings());
        await _kit.ScalarAsync<int>($"UPDATE numbers SET status = 5 WHERE project_id = {project} AND phone = '+79120000003'; SELECT 1");
        return project;
    }

    [Fact]
    public async Task Csv_export_holds_the_filtered_rows_with_formulas_defused()
    {
        var project = await ProjectWithNumbersAsync();
        using var output = new MemoryStream();

        var progress = new LastReported();
        var rows = await new NumberExporter(database.DataSource).WriteCsvAsync(new NumberFilter(project, Status: NumberStatus.New), output, progress, default);

        var text = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows);
        Assert.Equal(2, progress.Value);
        Assert.StartsWith("phone,status,supplier,geo", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("'+7912000000", l));
        Assert.Contains("HYPERLINK", text);
        Assert.DoesNotContain(",=", text);
        Assert.DoesNotContain(",\"=", text);
        Assert.DoesNotContain("+79120000003", text);
    }

    [Fact]
    public async Task Xlsx_export_reads_back_as_the_same_rows()
    {
        var project = await ProjectWithNumbersAsync();
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        try
        {
            var written = await new NumberExporter(database.DataSource).WriteXlsxAsync(new NumberFilter(project), path, null, default);

            using var file = ImportFileReader.Open(path);
            var rows = file.Rows().ToList();
            Assert.Equal(3, written);
            Assert.Equal(NumberExporter.Headers, file.Headers);
            Assert.Equal(3, rows.Count);
            Assert.Contains(rows, r => r.Cells[1] == "converted");
            Assert.All(rows, r => Assert.StartsWith("'+7912", r.Cells[0]));
            Assert.Contains(rows, r => r.Cells[8]!.Contains("@SUM"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Keeps the last value reported, at once (Progress&lt;T&gt; would post it to the thread pool).</summary>
    private sealed class LastReported : IProgress<long>
    {
        public long Value { get; private set; } = -1;

        public void Report(long value) => Value = value;
    }
}
