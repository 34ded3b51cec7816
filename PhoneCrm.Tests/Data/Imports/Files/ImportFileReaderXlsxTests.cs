using PhoneCrm.Core.Common;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Tests.Data.Imports.Files;

public sealed class ImportFileReaderXlsxTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Phones_stored_as_numbers_and_as_text_read_back_as_typed(bool sharedStrings)
    {
        var path = _folder.File("numbers.xlsx");
        XlsxTestFile.Write(path,
        [
            ["Телефон", "Поставщик", "Сумма"],
            [79123456789d, "Ромашка", 1.5],
            ["79123456780", "Acme", 0.1 + 0.2],
            [7.9123456781e10, null, 1234567890123d],
            ["+7 (912) 345-67-82", "Acme", true],
        ], sharedStrings);

        using var file = ImportFileReader.Open(path);
        var rows = file.Rows().ToList();

        Assert.Equal(ImportFileFormat.Xlsx, file.Format);
        Assert.Null(file.Encoding);
        Assert.Null(file.Delimiter);
        Assert.Equal(["Телефон", "Поставщик", "Сумма"], file.Headers);
        Assert.Equal(["79123456789", "Ромашка", "1.5"], rows[0].Cells.AsEnumerable());
        Assert.Equal(["79123456780", "Acme", "0.3"], rows[1].Cells.AsEnumerable());
        Assert.Equal(["79123456781", null, "1234567890123"], rows[2].Cells.AsEnumerable());
        Assert.Equal(["+7 (912) 345-67-82", "Acme", "TRUE"], rows[3].Cells.AsEnumerable());
    }

    [Fact]
    public void Row_numbers_are_those_excel_shows_across_gaps()
    {
        var path = _folder.File("gaps.xlsx");
        XlsxTestFile.Write(path, [null, ["Phone"], [79123456789d], null, null, [79123456780d], [""]]);

        using var file = ImportFileReader.Open(path);

        Assert.Equal(2, file.HeaderRowNumber);
        Assert.Equal([(3L, "79123456789"), (6L, "79123456780")], file.Rows().Select(r => (r.RowNumber, r.Cells[0]!)));
    }

    [Fact]
    public void A_workbook_named_csv_is_read_as_a_workbook()
    {
        var path = _folder.File("numbers.csv");
        XlsxTestFile.Write(path, [["Phone", "Name"], [79123456789d, "Оля"]]);

        using var file = ImportFileReader.Open(path);

        Assert.Equal(ImportFileFormat.Xlsx, file.Format);
        Assert.Equal(["79123456789", "Оля"], file.Rows().Single().Cells.AsEnumerable());
    }

    [Fact]
    public void Preview_pads_rows_to_the_header()
    {
        var path = _folder.File("preview.xlsx");
        XlsxTestFile.Write(path, [["Phone", "Name", "Comment"], [79123456789d], [79123456780d, "Оля"]]);

        using var file = ImportFileReader.Open(path);

        Assert.Equal([["79123456789", "", ""], ["79123456780", "Оля", ""]], file.Preview(5));
    }

    [Fact]
    public void A_header_only_workbook_has_no_rows()
    {
        var path = _folder.File("header.xlsx");
        XlsxTestFile.Write(path, [["Телефон"]]);

        using var file = ImportFileReader.Open(path);

        Assert.Empty(file.Rows());
    }

    [Fact]
    public void A_workbook_without_rows_is_empty()
    {
        var path = _folder.File("blank.xlsx");
        XlsxTestFile.Write(path, []);

        var error = Assert.Throws<DomainException>(() => ImportFileReader.Open(path));

        Assert.Equal(ImportFileMessages.Empty, error.Message);
    }
}
