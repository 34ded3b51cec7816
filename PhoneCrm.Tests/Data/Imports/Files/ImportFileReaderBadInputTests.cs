using System.Text;
using PhoneCrm.Core.Common;
using PhoneCrm.Data.Imports.Files;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Data.Imports.Files;

public sealed class ImportFileReaderBadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_empty_file_is_refused_as_empty()
    {
        using var english = new CultureScope("en");
        var error = Refused(_folder.Write("empty.csv", []));

        Assert.Equal("The file is empty.", error.Message);
    }

    [Fact]
    public void A_file_of_blank_lines_and_a_byte_order_mark_is_empty_too()
    {
        var error = Refused(_folder.Write("blank.csv", [0xEF, 0xBB, 0xBF, (byte)'\r', (byte)'\n', (byte)'\n']));

        Assert.Equal(ImportFileMessages.Empty, error.Message);
    }

    [Fact]
    public void Binary_garbage_named_csv_is_refused()
    {
        var garbage = new byte[200_000];
        new Random(42).NextBytes(garbage);

        var error = Refused(_folder.Write("numbers.csv", garbage));

        Assert.Equal(ImportFileMessages.Binary, error.Message);
    }

    [Fact]
    public void Binary_without_nul_bytes_is_refused_by_its_control_characters()
    {
        var bytes = Enumerable.Range(0, 10_000).Select(i => (byte)(i % 3 == 0 ? 0x01 + i % 8 : 'a')).ToArray();

        Assert.Equal(ImportFileMessages.Binary, Refused(_folder.Write("numbers.csv", bytes)).Message);
    }

    [Theory]
    [InlineData("Phone;Name\n79123456789;Оля\n")]
    [InlineData("<html><body><table><tr><td>79123456789</td></tr></table></body></html>")]
    public void An_xlsx_that_is_not_a_zip_is_refused(string content)
    {
        var error = Refused(_folder.Write("numbers.xlsx", Encoding.UTF8.GetBytes(content)));

        Assert.Equal(ImportFileMessages.XlsxNotZip, error.Message);
    }

    [Fact]
    public void A_quote_left_open_is_refused_naming_the_row_where_it_opened()
    {
        var lines = new StringBuilder("Phone;Comment\n79123456781;ok\n79123456782;\"multi\nline\"\n");
        lines.Append("79123456783;\"never closed\n");
        for (var i = 0; i < 1000; i++)
        {
            lines.Append("7912345").Append(i.ToString("D4")).Append(";fine\n");
        }

        using var file = ImportFileReader.Open(_folder.Write("open.csv", Encoding.UTF8.GetBytes(lines.ToString())));
        var error = Assert.Throws<DomainException>(() => file.Rows().ToList());

        Assert.Equal(ImportFileMessages.QuoteNotClosed(5), error.Message);
        using (new CultureScope("en"))
            Assert.StartsWith("Row 5:", ImportFileMessages.QuoteNotClosed(5));
    }

    [Fact]
    public void A_quote_left_open_in_a_large_file_stops_at_the_row_size_limit()
    {
        var lines = new StringBuilder("Phone;Comment\n79123456781;\"open\n");
        for (var i = 0; i < 100_000; i++)
        {
            lines.Append("79123").Append(i.ToString("D6")).Append(";a comment of some length\n");
        }

        var path = _folder.Write("open-large.csv", Encoding.UTF8.GetBytes(lines.ToString()));
        using var file = ImportFileReader.Open(path, new ImportFileLimits { MaxCsvRowBytes = 1024 * 1024 });
        var error = Assert.Throws<DomainException>(() => file.Rows().ToList());

        Assert.Equal(ImportFileMessages.RowTooLong(2, 1024 * 1024), error.Message);
    }

    [Fact]
    public void An_ole2_file_that_is_not_a_workbook_is_refused()
    {
        byte[] header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        var bytes = header.Concat(Enumerable.Repeat((byte)0x41, 4096)).ToArray();

        Assert.Equal(ImportFileMessages.NotAWorkbook, Refused(_folder.Write("old.xls", bytes)).Message);
    }

    private DomainException Refused(string path, ImportFileLimits? limits = null) =>
        Assert.Throws<DomainException>(() => ImportFileReader.Open(path, limits ?? ImportFileLimits.Default).Dispose());
}
