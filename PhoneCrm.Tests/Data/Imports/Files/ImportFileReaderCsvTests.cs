using System.Text;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Tests.Data.Imports.Files;

public sealed class ImportFileReaderCsvTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Each_delimiter_is_detected_from_the_content(char delimiter)
    {
        // Every row quotes a value that holds the other candidates, so only the real delimiter is consistent.
        var lines = new[] { $"Phone{delimiter}Supplier{delimiter}Comment" }
            .Concat(Enumerable.Range(1, 5).Select(i => $"7912345678{i}{delimiter}Acme{delimiter}\"a,b;c|d\te {i}\""));
        var path = _folder.Write("numbers.txt", Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));

        using var file = ImportFileReader.Open(path);
        var rows = file.Rows().ToList();

        Assert.Equal(ImportFileFormat.Csv, file.Format);
        Assert.Equal(delimiter, file.Delimiter);
        Assert.Equal(["Phone", "Supplier", "Comment"], file.Headers);
        Assert.Equal(5, rows.Count);
        Assert.Equal(["79123456785", "Acme", "a,b;c|d\te 5"], rows[4].Cells.AsEnumerable());
        Assert.Equal(6, rows[4].RowNumber);
    }

    [Fact]
    public void Semicolons_win_over_commas_that_are_only_inside_quotes()
    {
        var path = WriteUtf8("Телефон;Комментарий\n79123456789;\"звонить после 18, не в выходные, спросить Олю\"\n79123456780;\"a, b\"\n");

        using var file = ImportFileReader.Open(path);

        Assert.Equal(';', file.Delimiter);
        Assert.Equal("звонить после 18, не в выходные, спросить Олю", file.Rows().First().Cells[1]);
    }

    [Fact]
    public void Quoted_fields_keep_delimiters_line_breaks_and_doubled_quotes()
    {
        using var file = ImportFileReader.Open(WriteUtf8(
            "Phone,Name,Comment\n79123456789,\"Smith, John\",\"line one\r\nline two\"\n79123456780,\"ООО \"\"Ромашка\"\"\",\n"));
        var rows = file.Rows().ToList();

        Assert.Equal(["79123456789", "Smith, John", "line one\r\nline two"], rows[0].Cells.AsEnumerable());
        Assert.Equal(["79123456780", "ООО \"Ромашка\"", null], rows[1].Cells.AsEnumerable());
    }

    [Fact]
    public void Row_numbers_are_the_lines_where_rows_start_across_multi_line_fields_and_blank_lines()
    {
        using var file = ImportFileReader.Open(WriteUtf8(
            "\nPhone;Comment\n1;\"a\nb\nc\"\n2;x\n\n3;\"d\ne\"\n4;y\n"));

        Assert.Equal(2, file.HeaderRowNumber);
        Assert.Equal([(3L, "1"), (6L, "2"), (8L, "3"), (10L, "4")], file.Rows().Select(r => (r.RowNumber, r.Cells[0]!)));
    }

    [Fact]
    public void Stray_quotes_inside_unquoted_values_are_kept_as_text()
    {
        using var file = ImportFileReader.Open(WriteUtf8("Phone;Supplier\n79123456789;ООО \"Ромашка\"\n79123456780;Acme\n"));

        Assert.Equal(["ООО \"Ромашка\"", "Acme"], file.Rows().Select(r => r.Cells[1]));
    }

    [Fact]
    public void A_line_of_one_megabyte_is_read_whole()
    {
        var comment = new string('я', 512 * 1024); // 1 MB in UTF-8
        using var file = ImportFileReader.Open(WriteUtf8($"Phone;Comment\n79123456789;{comment}\n79123456780;short\n"));
        var rows = file.Rows().ToList();

        Assert.Equal(comment, rows[0].Cells[1]);
        Assert.Equal((3L, "short"), (rows[1].RowNumber, rows[1].Cells[1]));
    }

    [Fact]
    public void Three_hundred_columns_are_read()
    {
        var header = string.Join(',', Enumerable.Range(1, 300).Select(i => $"c{i}"));
        var row = string.Join(',', Enumerable.Range(1, 300).Select(i => $"v{i}"));
        using var file = ImportFileReader.Open(WriteUtf8($"{header}\n{row}\n{row}\n"));

        Assert.Equal(300, file.Headers.Count);
        Assert.All(file.Rows(), r => Assert.Equal("v300", r.Cells[299]));
    }

    [Fact]
    public void A_header_only_file_has_no_rows()
    {
        using var file = ImportFileReader.Open(WriteUtf8("Телефон;Поставщик\n"));

        Assert.Equal(["Телефон", "Поставщик"], file.Headers);
        Assert.Empty(file.Rows());
        Assert.Empty(file.Preview(10));
    }

    [Fact]
    public void Short_rows_are_padded_and_long_rows_keep_their_extra_cells()
    {
        using var file = ImportFileReader.Open(WriteUtf8("Phone;Name;Comment\n79123456789\n79123456780;Оля;c;extra\n;;\n"));
        var rows = file.Rows().ToList();

        Assert.Equal(2, rows.Count); // the row of bare delimiters carries nothing
        Assert.Equal(["79123456789", null, null], rows[0].Cells.AsEnumerable());
        Assert.Equal(["79123456780", "Оля", "c", "extra"], rows[1].Cells.AsEnumerable());
    }

    [Fact]
    public void Blank_and_repeated_headers_get_usable_names()
    {
        using var file = ImportFileReader.Open(WriteUtf8(" Phone ;;Phone\n1;2;3\n"));

        Assert.Equal(["Phone", "Column 2", "Phone (2)"], file.Headers);
    }

    [Fact]
    public void Preview_gives_the_first_rows_and_rows_can_be_read_again()
    {
        using var file = ImportFileReader.Open(WriteUtf8("Phone;Name\n1;a\n2\n3;c\n4;d\n"));

        Assert.Equal([["1", "a"], ["2", ""]], file.Preview(2));
        Assert.Equal(4, file.Rows().Count());
        Assert.Equal(4, file.Rows().Count());
    }

    [Fact]
    public void Excels_sep_line_sets_the_delimiter_and_is_not_the_header()
    {
        using var file = ImportFileReader.Open(WriteUtf8("sep=;\nPhone;Name\n79123456789;Smith, John\n"));

        Assert.Equal((';', 2L), (file.Delimiter, file.HeaderRowNumber));
        Assert.Equal(["Phone", "Name"], file.Headers);
        Assert.Equal((3L, "Smith, John"), (file.Rows().Single().RowNumber, file.Rows().Single().Cells[1]));
    }

    private string WriteUtf8(string text) => _folder.Write(Guid.NewGuid().ToString("N") + ".csv", Encoding.UTF8.GetBytes(text));
}
