using System.Text;
using PhoneCrm.Core.Imports;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Data.Imports.Files;
using PhoneCrm.Data.Numbers;
using PhoneCrm.Tests.Data.Imports;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Data.Numbers;

/// <summary>What the library says about a number (issue 20, 2b): found at import, kept, filtered by and exported.</summary>
public sealed class NumberFactsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string File = """
        phone
        +7 912 345 67 01
        8 495 123 45 67
        8 800 555 35 35
        +7 701 234 56 78
        +44 7946 000123
        +1 212 736 5000
        +49 30 901820
        """;

    private readonly ImportTestKit _kit = new(database);
    private NumberQueries Queries => new(database.DataSource);

    private async Task<long> ImportedAsync()
    {
        var project = await _kit.CreateProjectAsync();
        var outcome = await _kit.ImportAsync(project, ImportTestKit.WriteCsv(File + "\n"), new ImportSettings());
        Assert.Equal(7, outcome.Accepted);
        return project;
    }

    private async Task<NumberRow> RowAsync(long project, string phone) =>
        Assert.Single((await Queries.PageAsync(new NumberFilter(project, PhonePrefix: phone), NumberSort.Created, PageRequest.First, null, 10, default)).Rows);

    [Theory]
    [InlineData("+79123456701", "RU", NumberTypeCodes.Mobile)]
    [InlineData("+74951234567", "RU", NumberTypeCodes.FixedLine)]
    [InlineData("+78005553535", "RU", NumberTypeCodes.TollFree)]
    [InlineData("+77012345678", "KZ", NumberTypeCodes.Mobile)]
    [InlineData("+447946000123", "GB", NumberTypeCodes.Mobile)]
    [InlineData("+12127365000", "US", NumberTypeCodes.FixedLineOrMobile)]
    [InlineData("+4930901820", "DE", NumberTypeCodes.FixedLine)]
    public async Task An_import_keeps_each_numbers_country_and_type(string phone, string country, string type)
    {
        var project = await ImportedAsync();

        var row = await RowAsync(project, phone);

        Assert.Equal(country, row.Country);
        Assert.Equal(type, row.NumberType);
    }

    [Fact]
    public async Task An_import_keeps_the_operator_and_time_zones_the_library_knows()
    {
        var project = await ImportedAsync();

        var kazakh = await RowAsync(project, "+77012345678");
        var moscow = await RowAsync(project, "+74951234567");
        var london = await RowAsync(project, "+447946000123");

        Assert.Equal("Kcell/Activ", kazakh.Operator);
        Assert.Contains("Asia/Almaty", kazakh.TimeZones!);
        Assert.Null(moscow.Operator);
        Assert.Equal(["Europe/Moscow"], moscow.TimeZones);
        Assert.Contains("Europe/London", london.TimeZones!);
        Assert.Equal(PhoneFactsCache.FromLibrary("+447946000123").Operator, london.Operator);
    }

    [Fact]
    public async Task The_grid_filters_by_operator()
    {
        var project = await ImportedAsync();

        var kcell = await Queries.PageAsync(new NumberFilter(project, Operator: "Kcell/Activ"), NumberSort.Created, PageRequest.First, null, 50, default);
        var (count, exact) = await Queries.CountAsync(new NumberFilter(project, Operator: "Kcell/Activ"), default);
        var facets = await Queries.FacetsAsync(project, default);

        Assert.Equal(["+77012345678"], kcell.Rows.Select(r => r.Phone));
        Assert.Equal((1L, true), (count, exact));
        Assert.Contains(facets.Operators, o => o.Operator == "Kcell/Activ" && o.SamplePhone == "+77012345678");
    }

    [Fact]
    public async Task The_grid_filters_by_country_and_by_type_and_counts_what_it_shows()
    {
        var project = await ImportedAsync();

        var kz = await Queries.PageAsync(new NumberFilter(project, Country: "KZ"), NumberSort.Created, PageRequest.First, null, 50, default);
        var mobiles = await Queries.PageAsync(new NumberFilter(project, NumberType: NumberTypeCodes.Mobile), NumberSort.LastCall, PageRequest.First, null, 50, default);
        var ruMobiles = await Queries.CountAsync(new NumberFilter(project, Country: "RU", NumberType: NumberTypeCodes.Mobile), default);
        var all = await Queries.CountAsync(new NumberFilter(project), default);

        Assert.Equal(["+77012345678"], kz.Rows.Select(r => r.Phone));
        Assert.Equal(["+447946000123", "+77012345678", "+79123456701"], mobiles.Rows.Select(r => r.Phone).Order(StringComparer.Ordinal));
        Assert.Equal((1L, true), ruMobiles);
        Assert.Equal(7L, all.Count);
    }

    [Fact]
    public async Task A_filter_value_is_a_parameter_not_sql()
    {
        var project = await ImportedAsync();

        await using var command = Queries.BuildPageCommand(new NumberFilter(project, Country: "RU' OR '1'='1"), NumberSort.Created, PageRequest.First, null, 10);
        var page = await Queries.PageAsync(new NumberFilter(project, Country: "RU' OR '1'='1"), NumberSort.Created, PageRequest.First, null, 10, default);

        Assert.DoesNotContain("OR '1'", command.CommandText);
        Assert.Contains("n.country = @filter_country", command.CommandText);
        Assert.Empty(page.Rows);
    }

    [Fact]
    public async Task Csv_export_has_the_new_columns_and_applies_their_filter()
    {
        var project = await ImportedAsync();
        using var output = new MemoryStream();

        var rows = await new NumberExporter(database.DataSource).WriteCsvAsync(
            new NumberFilter(project, Country: "RU", NumberType: NumberTypeCodes.TollFree), output, null, default);

        var lines = Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, rows);
        Assert.EndsWith("country,number_type,operator,region,time_zones", lines[0]);
        Assert.StartsWith("'+78005553535,", lines[1]);
        Assert.Contains(",RU,toll_free,", lines[1]);
        // A toll-free number has no place: its zones are the country's.
        Assert.Contains("Europe/Moscow Europe/Samara", lines[1]);
    }

    [Fact]
    public async Task Xlsx_export_has_the_new_columns_and_applies_their_filter()
    {
        var project = await ImportedAsync();
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        try
        {
            var written = await new NumberExporter(database.DataSource).WriteXlsxAsync(new NumberFilter(project, Country: "KZ"), path, null, default);

            using var file = ImportFileReader.Open(path);
            var row = Assert.Single(file.Rows().ToList());
            Assert.Equal(1, written);
            var country = Array.IndexOf(NumberExporter.Headers, "country");
            Assert.Equal("'+77012345678", row.Cells[0]);
            Assert.Equal("KZ", row.Cells[country]);
            Assert.Equal("mobile", row.Cells[country + 1]);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public async Task The_filter_lists_hold_the_projects_countries()
    {
        var project = await ImportedAsync();

        var facets = await Queries.FacetsAsync(project, default);

        Assert.Equal(["DE", "GB", "KZ", "RU", "US"], facets.Countries);
    }
}
