using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PhoneCrm.Data.Common;
using PhoneCrm.Data.Imports.Files;
using PhoneCrm.Tests.Data.Imports.Files;

namespace PhoneCrm.Tests.Data.Common;

public sealed class XlsxStreamWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Awkward_text_reads_back_as_written_and_the_workbook_is_valid()
    {
        // Longer than the writer's 64 KB buffer, and varied, so the reader's zip-bomb ratio check lets it in.
        var random = new Random(7);
        var longText = string.Concat(Enumerable.Range(0, 30_000).Select(_ => (char)random.Next('a', 'z' + 1))) + "Ж😀" +
                       string.Concat(Enumerable.Range(0, 30_000).Select(_ => (char)random.Next('a', 'z' + 1)));
        string?[] awkward = ["a & b <c> d ]]>", "line 1\r\nline 2", "  padded  ", "Клиент 😀", "=SUM(A1)", longText];
        var path = _folder.File("awkward.xlsx");
        using (var file = File.Create(path))
        using (var workbook = new XlsxStreamWriter(file, "Numbers & more"))
        {
            workbook.WriteRow(["text", "number", "empty", "last"]);
            foreach (var text in awkward)
            {
                workbook.StartRow();
                workbook.WriteText(text);
                workbook.WriteNumber(-42);
                workbook.WriteEmpty();
                workbook.WriteText("end");
                workbook.EndRow();
            }
        }

        using (var file = ImportFileReader.Open(path))
        {
            var rows = file.Rows().ToList();
            Assert.Equal(["text", "number", "empty", "last"], file.Headers);
            Assert.Equal(awkward, rows.Select(r => r.Cells[0]));
            Assert.All(rows, r => Assert.Equal(["-42", null, "end"], r.Cells.Skip(1)));
        }
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public void Characters_xml_cannot_hold_become_replacement_characters_instead_of_failing_the_export()
    {
        var path = _folder.File("control.xlsx");
        using (var file = File.Create(path))
        using (var workbook = new XlsxStreamWriter(file, "Numbers"))
        {
            workbook.WriteRow(["value"]);
            workbook.WriteRow(["bell\u0007 and lone \uD800 surrogate"]);
        }

        using var read = ImportFileReader.Open(path);
        Assert.Equal("bell\uFFFD and lone \uFFFD surrogate", Assert.Single(read.Rows()).Cells[0]);
    }
}
