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
        return await ToStreamAsync(connection, selectSql, output, null, cancellationToken);
    }

    /// <summary>
    /// The same on an open connection, for a caller that sets something up on it first; <paramref name="progress"/>
    /// hears the lines written so far after every chunk (a line is a row unless a value holds a line break).
    /// </summary>
    public static async Task<long> ToStreamAsync(NpgsqlConnection connection, string selectSql, Stream output,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var copy = await connection.BeginTextExportAsync($"COPY ({selectSql}) TO STDOUT (FORMAT CSV, HEADER)", cancellationToken);
        // Npgsql's text reader is a StreamReader whose every read returns one row (one CopyData message), so
        // reading chars cost a decode, an encode and a few awaits per row: most of the export's processor time.
        // The rows arrive as UTF-8 already (Npgsql's client_encoding), so their bytes are copied as they are,
        // gathered into large writes.
        if (copy is not StreamReader { BaseStream: var rows })
            throw new NotSupportedException($"Expected Npgsql's text export to be a StreamReader, got {copy.GetType()}.");
        // The BOM lets Excel read the file as UTF-8 (names are often Cyrillic).
        await output.WriteAsync(Utf8Bom, cancellationToken);
        var buffer = new byte[1 << 16];
        long lines = 0;
        while (true)
        {
            var filled = 0;
            int read;
            while (filled < buffer.Length && (read = await rows.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
                filled += read;
            if (filled == 0)
                break;
            lines += buffer.AsSpan(0, filled).Count((byte)'\n');
            await output.WriteAsync(buffer.AsMemory(0, filled), cancellationToken);
            progress?.Report(Math.Max(0, lines - 1));
        }
        return Math.Max(0, lines - 1);
    }

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
}
