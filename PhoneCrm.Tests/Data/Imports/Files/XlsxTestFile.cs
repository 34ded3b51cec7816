using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PhoneCrm.Tests.Data.Imports.Files;

/// <summary>
/// Writes a one-sheet XLSX with DocumentFormat.OpenXml's streaming OpenXmlWriter, the way the export does.
/// Numbers become numeric cells; strings become shared strings, as Excel saves them, or inline strings; a null
/// row leaves a gap in the row numbers, as Excel does for rows that were never touched.
/// </summary>
public static class XlsxTestFile
{
    public static void Write(string path, IEnumerable<object?[]?> rows, bool sharedStrings = true)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = "Numbers" }));
        var strings = new Dictionary<string, int>();

        using (var writer = OpenXmlWriter.Create(workbook.AddNewPart<WorksheetPart>("rId1")))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            uint rowNumber = 0;
            foreach (var row in rows)
            {
                rowNumber++;
                if (row is null)
                {
                    continue;
                }

                writer.WriteStartElement(new Row { RowIndex = rowNumber });
                for (var column = 0; column < row.Length; column++)
                {
                    if (row[column] is { } value)
                    {
                        writer.WriteElement(Cell(ColumnName(column) + rowNumber, value, sharedStrings ? strings : null));
                    }
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        if (strings.Count > 0)
        {
            var table = workbook.AddNewPart<SharedStringTablePart>();
            table.SharedStringTable = new SharedStringTable(
                strings.OrderBy(pair => pair.Value).Select(pair => new SharedStringItem(new Text(pair.Key))));
        }
    }

    private static Cell Cell(string reference, object value, Dictionary<string, int>? strings) => value switch
    {
        string text when strings is not null => new Cell
        {
            CellReference = reference,
            DataType = CellValues.SharedString,
            CellValue = new CellValue(SharedIndex(strings, text).ToString(CultureInfo.InvariantCulture)),
        },
        string text => new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(text)),
        },
        bool flag => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") },
        double number => Number(reference, number.ToString("R", CultureInfo.InvariantCulture)),
        long number => Number(reference, number.ToString(CultureInfo.InvariantCulture)),
        int number => Number(reference, number.ToString(CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"No cell for {value.GetType()}", nameof(value)),
    };

    private static Cell Number(string reference, string value) =>
        new() { CellReference = reference, CellValue = new CellValue(value) };

    private static int SharedIndex(Dictionary<string, int> strings, string text)
    {
        if (!strings.TryGetValue(text, out var index))
        {
            index = strings.Count;
            strings.Add(text, index);
        }

        return index;
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
    }
}
