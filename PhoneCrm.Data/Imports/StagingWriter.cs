using System.Text;
using System.Text.Json;
using NpgsqlTypes;
using Npgsql;
using PhoneCrm.Core.Imports;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Data.Imports;

/// <summary>
/// Streams the file's rows into the temp staging table by binary COPY, normalising each phone on the way.
/// Rejected rows are staged too (with their reason), so nothing is dropped silently.
/// </summary>
internal sealed class StagingWriter(ImportJob job, IReadOnlyList<string> headers)
{
    // COPY column order must match this list.
    public const string CopyCommand =
        "COPY import_staging (row_number, raw_phone, phone, country, reason, supplier_name, geo_name, extra) FROM STDIN (FORMAT BINARY)";

    private readonly System.Buffers.ArrayBufferWriter<byte> _jsonBuffer = new();

    public async Task<long> WriteAsync(NpgsqlConnection connection, IEnumerable<SourceRow> rows, Action<long> onProgress, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        long count = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var raw = Cell(row, job.Settings.PhoneColumn);
            var parsed = PhoneNormalizer.Normalize(raw, job.DefaultCountry);
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(row.RowNumber, NpgsqlDbType.Bigint, cancellationToken);
            await WriteTextAsync(copy, raw, cancellationToken);
            await WriteTextAsync(copy, parsed.Ok ? parsed.E164 : null, cancellationToken);
            await WriteTextAsync(copy, parsed.CountryIso2, cancellationToken);
            await WriteTextAsync(copy, parsed.Ok ? null : RejectText(raw, parsed), cancellationToken);
            await WriteTextAsync(copy, Cell(row, job.Settings.SupplierColumn)?.Trim(), cancellationToken);
            await WriteTextAsync(copy, Cell(row, job.Settings.GeoColumn)?.Trim(), cancellationToken);
            await WriteJsonAsync(copy, row, cancellationToken);
            if (++count % 10_000 == 0)
                onProgress(count);
        }
        onProgress(count);
        await copy.CompleteAsync(cancellationToken);
        return count;
    }

    private static string RejectText(string? raw, PhoneParseResult parsed) =>
        string.IsNullOrWhiteSpace(raw) ? ImportRejectReasons.NoPhoneColumn : parsed.ReasonText;

    private static string? Cell(SourceRow row, int column) =>
        column >= 0 && column < row.Cells.Length ? row.Cells[column] : null;

    private static Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    /// <summary>The columns that are not mapped to a field, kept under their header names.</summary>
    private async Task WriteJsonAsync(NpgsqlBinaryImporter copy, SourceRow row, CancellationToken cancellationToken)
    {
        _jsonBuffer.Clear();
        var any = false;
        using (var json = new Utf8JsonWriter(_jsonBuffer))
        {
            json.WriteStartObject();
            for (var i = 0; i < row.Cells.Length && i < headers.Count; i++)
            {
                if (i == job.Settings.PhoneColumn || i == job.Settings.SupplierColumn || i == job.Settings.GeoColumn)
                    continue;
                if (string.IsNullOrEmpty(row.Cells[i]))
                    continue;
                json.WriteString(string.IsNullOrWhiteSpace(headers[i]) ? $"column_{i + 1}" : headers[i], row.Cells[i]);
                any = true;
            }
            json.WriteEndObject();
        }
        if (any)
            await copy.WriteAsync(Encoding.UTF8.GetString(_jsonBuffer.WrittenSpan), NpgsqlDbType.Jsonb, cancellationToken);
        else
            await copy.WriteNullAsync(cancellationToken);
    }
}
