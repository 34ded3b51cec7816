using System.Text;
using PhoneCrm.Core.Imports;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Data.Common;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Imports;

namespace PhoneCrm.Tests.Web.Imports;

/// <summary>The reject report, read from PostgreSQL as the download endpoint reads it, in each language.</summary>
public sealed class RejectReportTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Reasons_and_column_titles_come_in_the_readers_language_and_unknown_reasons_as_stored()
    {
        var batchId = await BatchWithRejectsAsync(
            (2, "12", PhoneRejectReason.TooShort.ToText()),
            (3, "позвоните мне", PhoneRejectReason.Letters.ToText()),
            (4, "+79120000001", $"{ImportRejectReasons.DuplicateInFile} (first at row 17)"),
            (5, "+79120000002", ImportRejectReasons.AlreadyInProject),
            (6, "=cmd", "a reason no resource knows"));

        var russian = await ReportAsync(batchId, "ru");
        var english = await ReportAsync(batchId, "en");

        Assert.Equal(
            ["строка,значение,причина", "2,12,слишком короткий", "3,позвоните мне,не номер телефона (содержит буквы)",
             "4,'+79120000001,повтор в файле (впервые в строке 17)", "5,'+79120000002,уже есть в этом проекте",
             "6,'=cmd,a reason no resource knows"],
            russian);
        Assert.Equal("row,value,reason", english[0]);
        // Values that a spreadsheet would run as formulas (= + - @) keep their leading apostrophe.
        Assert.Equal("4,'+79120000001,duplicate in the file (first at row 17)", english[3]);
    }

    private async Task<string[]> ReportAsync(long batchId, string language)
    {
        string sql;
        using (new CultureScope(language))
            sql = RejectReport.Sql(batchId, TestLocalizer.Create());
        using var output = new MemoryStream();
        await CsvCopy.ToStreamAsync(database.DataSource, sql, output, CancellationToken.None);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.StartsWith("\uFEFF", text); // the BOM that makes Excel read UTF-8
        return text[1..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task<long> BatchWithRejectsAsync(params (long Row, string Raw, string Reason)[] rejects)
    {
        var projectId = (await ProjectSeeder.InsertAsync(database, "Rejects " + Guid.NewGuid().ToString("N")[..6], 1))[0];
        var batchId = await database.ScalarAsync<long>(
            $"INSERT INTO import_batches (project_id, file_name, file_size, settings, status, created_by, actor) VALUES ({projectId}, 'f.csv', 1, '{{}}', 'completed', 'tests', '{{}}') RETURNING id");
        foreach (var (row, raw, reason) in rejects)
        {
            await using var insert = database.DataSource.CreateCommand("INSERT INTO import_rejects (batch_id, row_number, raw_value, reason) VALUES ($1, $2, $3, $4)");
            insert.Parameters.Add(new() { Value = batchId });
            insert.Parameters.Add(new() { Value = row });
            insert.Parameters.Add(new() { Value = raw });
            insert.Parameters.Add(new() { Value = reason });
            await insert.ExecuteNonQueryAsync();
        }
        return batchId;
    }
}
