using System.IO.Compression;
using System.Text;

namespace PhoneCrm.Data.Common;

/// <summary>
/// A one-sheet XLSX written straight into a zip opened for creation, so rows stream to the output as they are
/// written and memory stays flat at any size. The Open XML SDK's own package cannot do this: it opens packages
/// for read and write, and System.IO.Packaging then keeps every part in memory until the package is closed
/// (dotnet/Open-XML-SDK#807; about 1.2 GB for a million rows), and version 2.x refuses write-only packages.
/// The workbook's other parts are a few fixed lines, written first; the sheet comes last, its XML written as
/// bytes by <see cref="Utf8XmlBuffer"/>.
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
    private readonly Utf8XmlBuffer _xml;

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
        // Fastest: the sheet is mostly repeated markup, which deflates well even at the lowest level, and
        // compressing is the larger part of an export's time.
        _sheet = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        _xml = new Utf8XmlBuffer(_sheet);
        _xml.WriteRaw("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"""u8);
        _xml.WriteRaw("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""u8);
    }

    /// <summary>One row of text cells (null for an empty cell).</summary>
    public void WriteRow(IReadOnlyList<string?> values)
    {
        StartRow();
        foreach (var value in values)
        {
            if (value is null)
                WriteEmpty();
            else
                WriteText(value);
        }
        EndRow();
    }

    /// <summary>Opens a row; its cells follow, left to right, then <see cref="EndRow"/>.</summary>
    public void StartRow() => _xml.WriteRaw("<row>"u8);

    public void EndRow() => _xml.WriteRaw("</row>"u8);

    /// <summary>
    /// A text cell, as an inline string: no shared-string table grows in memory, and a text cell is never
    /// read as a formula whatever it starts with.
    /// </summary>
    public void WriteText(ReadOnlySpan<char> text)
    {
        // Without xml:space="preserve" a reader may trim the spaces a value starts or ends with.
        var preserve = !text.IsEmpty && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]));
        _xml.WriteRaw(preserve ? """<c t="inlineStr"><is><t xml:space="preserve">"""u8 : """<c t="inlineStr"><is><t>"""u8);
        _xml.WriteText(text);
        _xml.WriteRaw("</t></is></c>"u8);
    }

    /// <summary>A number cell, so a spreadsheet can sum and sort it as a number.</summary>
    public void WriteNumber(long value)
    {
        _xml.WriteRaw("<c><v>"u8);
        _xml.WriteNumber(value);
        _xml.WriteRaw("</v></c>"u8);
    }

    /// <summary>A cell with no value, which keeps the next cells in their columns.</summary>
    public void WriteEmpty() => _xml.WriteRaw("<c/>"u8);

    public void Dispose()
    {
        _xml.WriteRaw("</sheetData></worksheet>"u8);
        _xml.Flush();
        _sheet.Dispose();
        _zip.Dispose();
    }

    private void WriteEntry(string name, string content)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
