using Microsoft.Extensions.Logging.Abstractions;
using PhoneCrm.Core.Imports;
using PhoneCrm.Data.Imports;
using PhoneCrm.Data.Imports.Files;
using PhoneCrm.Tests.Data.Imports;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Imports;

namespace PhoneCrm.Tests.Web.Imports;

/// <summary>An import that fails in the background keeps its reason as a message key, shown in each reader's language.</summary>
public sealed class ImportErrorLanguageTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly ImportTestKit _kit = new(database);

    [Fact]
    public async Task A_failed_import_reads_in_russian_to_one_reader_and_in_english_to_another()
    {
        var project = await _kit.CreateProjectAsync();
        var path = ImportTestKit.WriteCsv("phone;name\n");
        var batchId = await _kit.CreateBatchAsync(project, path, new ImportSettings());
        var runner = new ImportRunner(database.DataSource,
            new NumberImporter(database.DataSource, NullLogger<NumberImporter>.Instance), NullLogger<ImportRunner>.Instance);

        // The background worker writes in the app's default language; here, English.
        using (new CultureScope("en"))
            await runner.RunAsync(new ImportJob(batchId, project, "RU", path, new ImportSettings(), ImportFileLimits.Default, ImportTestKit.Actor),
                CancellationToken.None);

        Assert.Equal("NoDataRows", await _kit.ScalarAsync<string>($"SELECT error_code FROM import_batches WHERE id = {batchId}"));
        var row = (await Imports().ListAsync(TestUsers.Administrator, project)).Single(b => b.Id == batchId);
        Assert.Equal(ImportStatus.Failed, row.Status);
        using (new CultureScope("ru"))
            Assert.Contains("нет ни одной строки с данными", row.ErrorText);
        using (new CultureScope("en"))
            Assert.Contains("no data rows", row.ErrorText);
    }

    [Fact]
    public void A_stored_message_keeps_its_numbers_in_the_readers_format()
    {
        using var scope = new CultureScope("ru");

        var text = ImportFileMessages.Render(nameof(ImportFileMessages.TooManyZipEntries), "[12000, 10000]")!;

        Assert.Contains("12\u00A0000", text.Replace('\u202F', '\u00A0'));
    }

    private ImportsService Imports() =>
        new(database, database.DataSource, new ImportQueue(), new ImportOptions(), TestLocalizer.Create());
}
