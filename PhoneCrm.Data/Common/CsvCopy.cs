using System.Text;
using Npgsql;

namespace PhoneCrm.Data.Common;

/// <summary>
/// Streams the CSV that PostgreSQL's COPY ... TO STDOUT produces into a stream, chunk by chunk: the rows
/// never gather in memory, whatever their number.
/// </summary>
public static class CsvCopy
{
    /// <returns>The number of data rows written (lines less the header).</returns>
    public static async Task<long> ToStreamAsync(NpgsqlDataSource dataSource, string selectSql, Stream output, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ToStreamAsync(connection, selectSql, output, cancellationToken);
    }

    /// <summary>The same on an open connection, for a caller that sets something up on it first.</summary>
    public static async Task<long> ToStreamAsync(NpgsqlConnection connection, string selectSql, Stream output, CancellationToken cancellationToken)
    {
        using var copy = await connection.BeginTextExportAsync($"COPY ({selectSql}) TO STDOUT (FORMAT CSV, HEADER)", cancellationToken);
        // The BOM lets Excel read the file as UTF-8 (names are often Cyrillic).
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        var buffer = new char[1 << 16];
        long lines = 0;
        int read;
        while ((read = await copy.ReadAsync(buffer, cancellationToken)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count('\n');
            await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return Math.Max(0, lines - 1);
    }
}
