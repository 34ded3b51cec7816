using System.Text;
using PhoneCrm.Core.Common;
using PhoneCrm.Data.Imports.Files;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Imports;

namespace PhoneCrm.Tests.Web.Imports;

/// <summary>What the upload step makes of a file stored as {guid}.upload, as the import page stores every upload.</summary>
public sealed class UploadPreviewTests : IDisposable
{
    private readonly string _stored = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.upload");

    [Theory]
    [InlineData("ru", "это не книга Excel")]
    [InlineData("en", "is not an Excel workbook")]
    public void Text_uploaded_under_an_xlsx_name_is_refused_not_read_as_csv(string culture, string expected)
    {
        File.WriteAllText(_stored, "Телефон\n+79161234567\n+79161234568\n", Encoding.UTF8);
        using var scope = new CultureScope(culture);

        var error = Assert.Throws<DomainException>(() => Describe("база.xlsx"));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("ru", "нет ни одной строки с данными")]
    [InlineData("en", "no data rows")]
    public void A_file_with_a_header_only_is_refused_at_the_preview_in_the_readers_language(string culture, string expected)
    {
        File.WriteAllText(_stored, "Телефон;Имя\n", Encoding.UTF8);
        using var scope = new CultureScope(culture);

        var error = Assert.Throws<DomainException>(() => Describe("пусто.csv"));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_same_text_under_a_csv_name_is_previewed()
    {
        File.WriteAllText(_stored, "Телефон\n+79161234567\n+79161234568\n", Encoding.UTF8);

        var draft = Describe("база.csv");

        Assert.Equal("Csv", draft.Format);
        Assert.Equal(2, draft.Preview.Count);
    }

    private ImportDraft Describe(string name) =>
        ImportsService.Describe(1, name, new FileInfo(_stored).Length, _stored, ImportFileLimits.Default);

    public void Dispose() => File.Delete(_stored);
}
