using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using PhoneCrm.Core.Imports;
using PhoneCrm.Core.Numbers;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Data.Imports;

/// <summary>
/// Reads the file, normalises each phone, finds repeats within the file and builds each row's extra JSON, in
/// chunks handed to the importer through a channel. It runs on a thread of its own, so the next chunk is read
/// while PostgreSQL works on the previous one: reading an XLSX costs about as much CPU as storing its rows.
/// </summary>
internal sealed class CheckedRowReader(ImportJob job, IReadOnlyList<string> headers)
{
    /// <summary>
    /// Rows per chunk: enough that the few statements per chunk cost nothing next to its rows, few enough that
    /// the first chunk (read before the database has anything to do) is short and a chunk's sort stays in memory.
    /// </summary>
    public const int ChunkRows = 25_000;

    // The JSON goes only into a jsonb column, never into a page, so non-ASCII text (Cyrillic names) need not be
    // escaped: it is shorter to send and quicker for PostgreSQL to parse.
    private static readonly JsonWriterOptions _jsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Chunks the importer is done with, filled again: a chunk's row array is over 1 MB, and allocating a new one
    // each time would cost a full (background) garbage collection every few chunks.
    private readonly ConcurrentQueue<List<CheckedRow>> _spareChunks = new();
    private readonly FirstRowOfPhone _firstRows = new();
    private readonly ArrayBufferWriter<byte> _jsonBuffer = new();
    private Utf8JsonWriter? _json;
    private readonly JsonEncodedText[] _keys = [.. headers.Select((header, i) =>
        JsonEncodedText.Encode(string.IsNullOrWhiteSpace(header) ? $"column_{i + 1}" : header, _jsonOptions.Encoder))];

    public long RowsRead { get; private set; }

    /// <summary>Rows without a usable phone.</summary>
    public long Invalid { get; private set; }

    public long DuplicatesInFile { get; private set; }

    /// <summary>Fills <paramref name="output"/> and completes it, whether the file ends or reading fails.</summary>
    public async Task RunAsync(IEnumerable<SourceRow> rows, ChannelWriter<List<CheckedRow>> output,
        Action<long> onProgress, CancellationToken cancellationToken)
    {
        try
        {
            var chunk = EmptyChunk();
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                chunk.Add(Check(row));
                if (++RowsRead % 10_000 == 0)
                    onProgress(RowsRead);
                if (chunk.Count == ChunkRows)
                {
                    await output.WriteAsync(InPhoneOrder(chunk), cancellationToken);
                    chunk = EmptyChunk();
                }
            }
            if (chunk.Count > 0)
                await output.WriteAsync(InPhoneOrder(chunk), cancellationToken);
            onProgress(RowsRead);
        }
        finally
        {
            // The importer learns about a failure by awaiting this task once the channel is done.
            output.Complete();
            _json?.Dispose();
        }
    }

    /// <summary>Hands back a chunk the importer has written, for the reader to fill again.</summary>
    public void Recycle(List<CheckedRow> chunk)
    {
        chunk.Clear();
        _spareChunks.Enqueue(chunk);
    }

    private List<CheckedRow> EmptyChunk() => _spareChunks.TryDequeue(out var chunk) ? chunk : new List<CheckedRow>(ChunkRows);

    /// <summary>
    /// Sorts a chunk by phone (ordinal, as COLLATE "C" compares), here where a core is to spare: the check against
    /// the project then probes its phone index in key order, a third faster than in file order, and the insert
    /// gets its rows already in the order it asks for. Rejected rows (no phone) come first; row numbers are kept.
    /// </summary>
    private static List<CheckedRow> InPhoneOrder(List<CheckedRow> chunk)
    {
        chunk.Sort(static (a, b) => string.CompareOrdinal(a.Phone, b.Phone));
        return chunk;
    }

    private CheckedRow Check(SourceRow row)
    {
        var raw = Cell(row, job.Settings.PhoneColumn);
        var parsed = PhoneNormalizer.Normalize(raw, job.DefaultCountry);
        if (!parsed.Ok)
        {
            Invalid++;
            var reason = string.IsNullOrWhiteSpace(raw) ? ImportRejectReasons.NoPhoneColumn : parsed.ReasonText;
            return new CheckedRow(row.RowNumber, raw, null, null, reason, null, null, null);
        }

        // Rows come in file order, so the first one seen is the one with the lowest row number.
        if (_firstRows.SeenAt(parsed.E164!, row.RowNumber) is { } firstRow)
        {
            DuplicatesInFile++;
            var reason = $"{ImportRejectReasons.DuplicateInFile} (first at row {firstRow})";
            return new CheckedRow(row.RowNumber, raw, null, null, reason, null, null, null);
        }

        return new CheckedRow(row.RowNumber, raw, parsed.E164, parsed.CountryIso2, null,
            Cell(row, job.Settings.SupplierColumn)?.Trim(), Cell(row, job.Settings.GeoColumn)?.Trim(), Extra(row), parsed.NumberType);
    }

    private static string? Cell(SourceRow row, int column) =>
        column >= 0 && column < row.Cells.Length ? row.Cells[column] : null;

    /// <summary>
    /// The columns that are not mapped to a field, kept under their header names, as UTF-8 JSON text (which is
    /// what jsonb is sent as, so it is never turned into a string and back); null when all are empty.
    /// </summary>
    private byte[]? Extra(SourceRow row)
    {
        _jsonBuffer.Clear();
        var json = _json ??= new Utf8JsonWriter(_jsonBuffer, _jsonOptions);
        json.Reset(_jsonBuffer);
        var any = false;
        json.WriteStartObject();
        for (var i = 0; i < row.Cells.Length && i < _keys.Length; i++)
        {
            if (i == job.Settings.PhoneColumn || i == job.Settings.SupplierColumn || i == job.Settings.GeoColumn)
                continue;
            if (string.IsNullOrEmpty(row.Cells[i]))
                continue;
            json.WriteString(_keys[i], row.Cells[i]);
            any = true;
        }
        json.WriteEndObject();
        json.Flush();
        return any ? _jsonBuffer.WrittenSpan.ToArray() : null;
    }
}
