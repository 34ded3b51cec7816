using System.Globalization;
using CsvHelper;
using PhoneCrm.Data.Common;
using PhoneCrm.Data.Conversions;

namespace PhoneCrm.Web.Features.Conversions;

/// <summary>
/// Writes a range's rollup rows (project, day, supplier, geo, every measure and rate) as CSV or XLSX. Rates are
/// written as fractions with invariant formatting, so a spreadsheet can compute with them.
/// </summary>
public sealed class ConversionExportWriter(ConversionQueries queries)
{
    private static readonly string[] Header =
    [
        "project", "day", "supplier", "geo", "loaded", "processed", "reached", "converted", "rejected", "attempts",
        "talk_seconds", "reach_rate", "conversion_rate", "conversion_of_loaded",
    ];

    public async Task WriteCsvAsync(ConversionQuery query, Stream output, CancellationToken cancellationToken)
    {
        // The BOM lets Excel open Cyrillic names correctly; injection escaping keeps formulas from running.
        var options = new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };
        await using var csv = CsvWriter.Create(output, options, true);
        foreach (var name in Header)
            csv.WriteField(name);
        await csv.EndRecordAsync(cancellationToken);
        await foreach (var row in queries.DetailAsync(query, cancellationToken))
        {
            foreach (var cell in Cells(row))
                csv.WriteField(cell);
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    public async Task WriteXlsxAsync(ConversionQuery query, Stream output, CancellationToken cancellationToken)
    {
        // The zip writer is synchronous; a buffer keeps synchronous writes off the response stream.
        using var buffer = new MemoryStream();
        using (var xlsx = new XlsxStreamWriter(buffer, "conversion"))
        {
            xlsx.WriteRow(Header);
            await foreach (var row in queries.DetailAsync(query, cancellationToken))
                xlsx.WriteRow(Cells(row).Select(c => XlsxSafe(c)).ToList());
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private static IEnumerable<string?> Cells(ConversionDetailRow row)
    {
        var f = row.Figures;
        return
        [
            row.Project, row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Supplier, row.Geo,
            Number(f.Loaded), Number(f.Processed), Number(f.Reached), Number(f.Converted), Number(f.Rejected),
            Number(f.Attempts), Number(f.TalkSeconds), Rate(f.ReachRate), Rate(f.ConversionOfProcessed), Rate(f.ConversionOfLoaded),
        ];
    }

    // The same rule as the numbers export's spreadsheet_safe: a leading = + - @ would run as a formula.
    private static string? XlsxSafe(string? value) =>
        value is { Length: > 0 } && "=+-@".Contains(value[0]) ? "'" + value : value;

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Rate(double? rate) => rate?.ToString("0.####", CultureInfo.InvariantCulture);
}
