using System.Globalization;
using CsvHelper;
using PhoneCrm.Data.Audit;

namespace PhoneCrm.Web.Features.Audit;

/// <summary>Writes the filtered audit rows as CSV straight to a stream, one row at a time.</summary>
public sealed class AuditCsvWriter(AuditQueries queries)
{
    public async Task<int> WriteAsync(AuditFilter filter, Stream output, CancellationToken cancellationToken)
    {
        // The BOM lets Excel open Cyrillic text correctly; injection escaping keeps formulas from running.
        var options = new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        await using var csv = CsvWriter.Create(output, options, true);
        string[] header = ["at", "actor", "ip_address", "user_agent", "action", "entity_type", "entity_id", "old_values", "new_values"];
        foreach (var name in header)
            csv.WriteField(name);
        await csv.EndRecordAsync(cancellationToken);
        var count = 0;
        await foreach (var row in queries.StreamAsync(filter, cancellationToken))
        {
            csv.WriteField(row.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            csv.WriteField(row.Actor);
            csv.WriteField(row.IpAddress);
            csv.WriteField(row.UserAgent);
            csv.WriteField(row.Action);
            csv.WriteField(row.EntityType);
            csv.WriteField(row.EntityId);
            csv.WriteField(row.OldValues);
            csv.WriteField(row.NewValues);
            await csv.EndRecordAsync(cancellationToken);
            count++;
        }
        return count;
    }
}
