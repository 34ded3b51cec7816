using System.Globalization;
using System.Text;
using Npgsql;
using PhoneCrm.Data.Common;

namespace PhoneCrm.Data.Numbers;

/// <summary>
/// Streams a filtered set of a project's numbers out as CSV (PostgreSQL's COPY, straight through) or XLSX
/// (<see cref="XlsxStreamWriter"/>, row by row): memory stays flat whatever the size. Text cells are made
/// spreadsheet-safe.
/// </summary>
public sealed class NumberExporter(NpgsqlDataSource dataSource)
{
    public static readonly string[] Headers =
        ["phone", "status", "supplier", "geo", "attempts", "last_call_at", "converted_at", "created_at", "extra",
         "country", "number_type", "operator", "region", "time_zones"];

    // The times are UTC timestamps cut to whole seconds, rendered by the server's timestamp output (for COPY)
    // or by the reader (for XLSX): both cheaper per cell than to_char's format interpreter. The server's
    // rendering follows DateStyle, hence the ISO setting on the CSV's connection.
    // time_zones as one cell, the ids apart by a space (none holds one).
    private static string SelectSql(NumberFilter filter, Func<string, string, string> bindText)
    {
        var sql = new StringBuilder("""
            SELECT spreadsheet_safe(n.phone) AS phone,
                   (ARRAY['new','in_work','no_answer','callback','reached','converted','rejected'])[n.status + 1] AS status,
                   spreadsheet_safe(s.name) AS supplier, spreadsheet_safe(g.code) AS geo, n.attempts,
                   date_trunc('second', n.last_call_at AT TIME ZONE 'UTC') AS last_call_at,
                   date_trunc('second', n.converted_at AT TIME ZONE 'UTC') AS converted_at,
                   date_trunc('second', n.created_at AT TIME ZONE 'UTC') AS created_at,
                   spreadsheet_safe(n.extra) AS extra,
                   n.country, n.number_type, spreadsheet_safe(n.operator) AS operator,
                   spreadsheet_safe(n.region) AS region, array_to_string(n.time_zones, ' ') AS time_zones
            FROM numbers n LEFT JOIN suppliers s ON s.id = n.supplier_id LEFT JOIN geos g ON g.id = n.geo_id
            WHERE
            """);
        NumberQueries.AppendFilter(sql, filter, bindText);
        sql.Append(" ORDER BY n.id");
        return sql.ToString();
    }

    /// <returns>The number of rows written.</returns>
    public async Task<long> WriteCsvAsync(NumberFilter filter, Stream output, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // SET LOCAL: the setting ends with the transaction, so the pooled connection goes back as it came.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SET LOCAL DateStyle = 'ISO'", connection, transaction))
            await command.ExecuteNonQueryAsync(cancellationToken);
        // COPY takes no parameters: the filter's text values are set as transaction-local settings, by a
        // parameterised set_config, and the query reads them back.
        var settings = new List<(string Name, string Value)>();
        var sql = SelectSql(filter, (name, value) =>
        {
            settings.Add(("phonecrm." + name, value));
            return $"current_setting('phonecrm.{name}')";
        });
        foreach (var (name, value) in settings)
        {
            await using var set = new NpgsqlCommand("SELECT set_config($1, $2, true)", connection, transaction);
            set.Parameters.Add(new NpgsqlParameter { Value = name });
            set.Parameters.Add(new NpgsqlParameter { Value = value });
            await set.ExecuteNonQueryAsync(cancellationToken);
        }
        var rows = await CsvCopy.ToStreamAsync(connection, sql, output, progress, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>Writes the workbook to <paramref name="path"/>, row by row, in constant memory.</summary>
    public async Task<long> WriteXlsxAsync(NumberFilter filter, string path, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection, CommandTimeout = 0 };
        command.CommandText = SelectSql(filter, (name, value) =>
        {
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = value });
            return "@" + name;
        });
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetFieldType(i)).ToArray();

        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var workbook = new XlsxStreamWriter(file, "Numbers");
        workbook.WriteRow(Headers);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            WriteRow(reader, columns, workbook);
            if (++rows % 10_000 == 0)
                progress?.Report(rows);
        }
        return rows;
    }

    /// <summary>
    /// Typed reads of a row already in Npgsql's buffer (GetValue would box every cell); attempts become a
    /// number cell, the times the same text as the CSV's.
    /// </summary>
    private static void WriteRow(NpgsqlDataReader reader, Type[] columns, XlsxStreamWriter workbook)
    {
        Span<char> time = stackalloc char[32];
        workbook.StartRow();
        for (var i = 0; i < columns.Length; i++)
        {
            if (reader.IsDBNull(i))
                workbook.WriteEmpty();
            else if (columns[i] == typeof(int))
                workbook.WriteNumber(reader.GetInt32(i));
            else if (columns[i] == typeof(DateTime) && reader.GetDateTime(i).TryFormat(time, out var written, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                workbook.WriteText(time[..written]);
            else
                workbook.WriteText(reader.GetString(i));
        }
        workbook.EndRow();
    }
}
