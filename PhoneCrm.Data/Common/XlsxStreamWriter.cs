using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PhoneCrm.Data.Common;

/// <summary>
/// A one-sheet XLSX written straight into a zip opened for creation, so rows stream to the output as they are
/// written and memory stays flat at any size. The Open XML SDK's own package cannot do this: it opens packages
/// for read and write, and System.IO.Packaging then keeps every part in memory until the package is closed
/// (dotnet/Open-XML-SDK#807; about 1.2 GB for a million rows), and version 2.x refuses write-only packages.
/// The workbook's other parts are a few fixed lines, written first; the sheet comes last.
/// </summary>
public sealed class XlsxStreamWriter : IDisposable
{
    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """;

    private readonly ZipArchive _zip;
    private readonly Stream _sheet;
    private readonly OpenXmlWriter _writer;

    // Reused for every row and cell: only their start tags are written, so a million rows allocate no elements.
    private readonly Row _row = new();
    private readonly Cell _cell = new() { DataType = CellValues.InlineString };
    private readonly InlineString _inline = new();
    private readonly Text _text = new();

    /// <param name="output">Any writable stream, seekable or not (a file, a response body); left open.</param>
    public XlsxStreamWriter(Stream output, string sheetName)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WriteEntry("[Content_Types].xml", ContentTypes);
        WriteEntry("_rels/.rels", PackageRelationships);
        WriteEntry("xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{System.Security.SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        WriteEntry("xl/_rels/workbook.xml.rels", WorkbookRelationships);
        _sheet = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        _writer = OpenXmlWriter.Create(_sheet, Encoding.UTF8);
        _writer.WriteStartDocument(true);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>One row of text cells; inline strings, so no shared-string table grows and no cell is a formula.</summary>
    public void WriteRow(IReadOnlyList<string?> values)
    {
        _writer.WriteStartElement(_row);
        foreach (var value in values)
        {
            _writer.WriteStartElement(_cell);
            _writer.WriteStartElement(_inline);
            _writer.WriteStartElement(_text);
            _writer.WriteString(value ?? "");
            _writer.WriteEndElement();
            _writer.WriteEndElement();
            _writer.WriteEndElement();
        }
        _writer.WriteEndElement();
    }

    public void Dispose()
    {
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.Close();
        _sheet.Dispose();
        _zip.Dispose();
    }

    private void WriteEntry(string name, string content)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
