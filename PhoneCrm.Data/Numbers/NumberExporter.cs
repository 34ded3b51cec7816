using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Npgsql;
using PhoneCrm.Data.Common;

namespace PhoneCrm.Data.Numbers;

/// <summary>
/// Streams a filtered set of a project's numbers out as CSV (PostgreSQL's COPY, straight through) or XLSX
/// (OpenXmlWriter, row by row): memory stays flat whatever the size. Text cells are made spreadsheet-safe.
/// </summary>
public sealed class NumberExporter(NpgsqlDataSource dataSource)
{
    public static readonly string[] Headers =
        ["phone", "status", "supplier", "geo", "attempts", "last_call_at", "converted_at", "created_at", "extra"];

    private static string SelectSql(NumberFilter filter)
    {
        var sql = new StringBuilder("""
            SELECT spreadsheet_safe(n.phone) AS phone,
                   (ARRAY['new','in_work','no_answer','callback','reached','converted','rejected'])[n.status + 1] AS status,
                   spreadsheet_safe(s.name) AS supplier, spreadsheet_safe(g.code) AS geo, n.attempts,
                   to_char(n.last_call_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS last_call_at,
                   to_char(n.converted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS converted_at,
                   to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS created_at,
                   spreadsheet_safe(n.extra::text) AS extra
            FROM numbers n LEFT JOIN suppliers s ON s.id = n.supplier_id LEFT JOIN geos g ON g.id = n.geo_id
            WHERE
            """);
        NumberQueries.AppendFilter(sql, filter);
        sql.Append(" ORDER BY n.id");
        return sql.ToString();
    }

    /// <returns>The number of rows written.</returns>
    public Task<long> WriteCsvAsync(NumberFilter filter, Stream output, CancellationToken cancellationToken) =>
        CsvCopy.ToStreamAsync(dataSource, SelectSql(filter), output, cancellationToken);

    /// <summary>Writes the workbook to <paramref name="path"/> (a package needs a seekable file), row by row.</summary>
    public async Task<long> WriteXlsxAsync(NumberFilter filter, string path, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(SelectSql(filter), connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);

        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        long rows = 0;
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, Headers);
            var values = new string?[Headers.Length];
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < values.Length; i++)
                    values[i] = await reader.IsDBNullAsync(i, cancellationToken) ? null : reader.GetValue(i).ToString();
                WriteRow(writer, values);
                rows++;
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Numbers" }));
        workbook.Workbook.Save();
        return rows;
    }

    // Inline strings: no shared-string table to hold in memory, and a text cell can never be a formula.
    // The element objects are written as start/end tags only and reused, so a million rows allocate
    // nothing per cell but the text itself.
    private static readonly Row _row = new();
    private static readonly Cell _cell = new();
    private static readonly InlineString _inline = new();
    private static readonly Text _text = new();
    private static readonly OpenXmlAttribute[] _inlineStringType = [new("t", "", "inlineStr")];

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<string?> values)
    {
        writer.WriteStartElement(_row);
        foreach (var value in values)
        {
            writer.WriteStartElement(_cell, _inlineStringType);
            writer.WriteStartElement(_inline);
            writer.WriteStartElement(_text);
            writer.WriteString(value ?? "");
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }
}
