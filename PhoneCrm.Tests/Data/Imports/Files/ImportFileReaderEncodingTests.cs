using System.Text;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Tests.Data.Imports.Files;

public sealed class ImportFileReaderEncodingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public ImportFileReaderEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Utf8_with_a_byte_order_mark_loses_the_mark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Телефон;Поставщик\n79123456789;Ромашка\n")).ToArray();

        using var file = ImportFileReader.Open(_folder.Write("bom.csv", bytes));

        Assert.Equal("utf-8", file.Encoding);
        Assert.Equal(["Телефон", "Поставщик"], file.Headers);
        Assert.Equal("Ромашка", file.Rows().Single().Cells[1]);
    }

    [Fact]
    public void Utf8_without_a_byte_order_mark_is_recognised()
    {
        using var file = ImportFileReader.Open(WriteUtf8("Телефон;Поставщик\n79123456789;Ромашка\n"));

        Assert.Equal("utf-8", file.Encoding);
        Assert.Equal(["Телефон", "Поставщик"], file.Headers);
    }

    [Fact]
    public void Windows1251_cyrillic_headers_and_values_are_decoded()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("Телефон;Поставщик\r\n79123456789;ООО Ромашка\r\n");

        using var file = ImportFileReader.Open(_folder.Write("cp1251.csv", bytes));

        Assert.Equal("windows-1251", file.Encoding);
        Assert.Equal(["Телефон", "Поставщик"], file.Headers);
        Assert.Equal(["79123456789", "ООО Ромашка"], file.Rows().Single().Cells.AsEnumerable());
    }

    [Fact]
    public void Windows1251_is_recognised_when_the_first_cyrillic_is_far_down()
    {
        var ascii = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"7912{i:D7};Acme\n"));
        var bytes = Encoding.GetEncoding(1251).GetBytes("Phone;Supplier\n" + ascii + "79990000000;Ромашка\n");

        using var file = ImportFileReader.Open(_folder.Write("late.csv", bytes));

        Assert.Equal("windows-1251", file.Encoding);
        Assert.Equal("Ромашка", file.Rows().Last().Cells[1]);
    }

    [Fact]
    public void Utf16_text_saved_by_excel_as_unicode_text_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Телефон\tИмя\r\n79123456789\tОля\r\n")).ToArray();

        using var file = ImportFileReader.Open(_folder.Write("unicode.txt", bytes));

        Assert.Equal('\t', file.Delimiter);
        Assert.Equal(["79123456789", "Оля"], file.Rows().Single().Cells.AsEnumerable());
    }

    [Fact]
    public void Text_named_xls_is_read_as_text()
    {
        var path = _folder.Write("export-1c.xls", Encoding.GetEncoding(1251).GetBytes("Телефон\tГород\r\n79123456789\tПермь\r\n"));

        using var file = ImportFileReader.Open(path);

        Assert.Equal((ImportFileFormat.Csv, '\t'), (file.Format, file.Delimiter));
        Assert.Equal(["79123456789", "Пермь"], file.Rows().Single().Cells.AsEnumerable());
    }

    private string WriteUtf8(string text) => _folder.Write(Guid.NewGuid().ToString("N") + ".csv", Encoding.UTF8.GetBytes(text));
}
