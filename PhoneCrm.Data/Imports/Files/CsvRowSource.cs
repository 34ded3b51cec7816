using System.Text;
using CsvHelper;
using PhoneCrm.Core.Common;

namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Reads CSV with CsvHelper 34's streaming reader, which does everything the import needs: RFC 4180 quoting
/// (delimiters, line breaks and doubled quotes inside quotes), delimiter detection among , ; tab and | by how
/// consistently each appears per line with quotes respected, transcoding from Windows-1251, line numbers that
/// count the lines inside quoted fields, and a cap on the size of one record.
/// </summary>
internal sealed class CsvRowSource : IRowSource
{
    private readonly string _path;
    private readonly Encoding _encoding;
    private readonly int _maxRowBytes;

    private CsvRowSource(string path, Encoding encoding, int maxRowBytes, char delimiter)
    {
        _path = path;
        _encoding = encoding;
        _maxRowBytes = maxRowBytes;
        Delimiter = delimiter;
    }

    public char Delimiter { get; }

    /// <summary>Detects the delimiter from the first lines, to show it and to fail early on a runaway first row.</summary>
    public static CsvRowSource Create(string path, Encoding encoding, int maxRowBytes)
    {
        using var reader = CsvReader.Create(OpenStream(path), Options(encoding, maxRowBytes, null), false);
        char delimiter;
        try
        {
            delimiter = reader.Separator;
        }
        catch (CsvFormatException e)
        {
            throw new DomainException(ImportFileMessages.RowTooLong(Math.Max(e.LineNumber, 1), maxRowBytes));
        }

        return new CsvRowSource(path, encoding, maxRowBytes, delimiter);
    }

    public IEnumerable<SourceRow> ReadAll()
    {
        CsvMalformedRecord? unclosed = null;
        var options = Options(_encoding, _maxRowBytes, malformed =>
        {
            // Stray quotes (ООО "Ромашка" without quotes around it) are common and are kept as text; only a
            // quote that is never closed is fatal, since it swallowed every line after it into one field.
            if (malformed.Reason == CsvMalformedReason.UnterminatedQuote)
            {
                unclosed ??= malformed;
            }
        });

        using var reader = CsvReader.Create(OpenStream(_path), options, false);
        while (true)
        {
            bool read;
            try
            {
                read = reader.Read();
            }
            catch (CsvFormatException e)
            {
                // The only format error these options leave is a record past MaxRecordSize.
                throw new DomainException(ImportFileMessages.RowTooLong(e.LineNumber, _maxRowBytes));
            }

            if (!read)
            {
                yield break;
            }

            if (unclosed is { } open)
            {
                throw new DomainException(ImportFileMessages.QuoteNotClosed(open.LineNumber));
            }

            var cells = new string?[reader.FieldCount];
            var hasValue = false;
            for (var i = 0; i < cells.Length; i++)
            {
                var value = reader.GetString(i);
                if (value.Length > 0)
                {
                    cells[i] = value;
                    hasValue = hasValue || !string.IsNullOrWhiteSpace(value);
                }
            }

            // Rows of bare delimiters (";;;", which Excel leaves under a table) carry nothing to import.
            if (hasValue)
            {
                yield return new SourceRow(reader.LineNumber, cells);
            }
        }
    }

    private static CsvReaderOptions Options(
        Encoding encoding, int maxRowBytes, Action<CsvMalformedRecord>? onMalformed) => new()
    {
        // The header is read as an ordinary row so that all rows, header included, come out the same way.
        HasHeader = false,

        // Left to detection on every pass (same bytes, same answer): with a separator set, the reader would no
        // longer skip Excel's "sep=;" first line and would take it for the header.
        Separator = null,

        // Byte order marks are honoured by the reader itself; only Windows-1251 has to be named.
        Encoding = encoding.CodePage == 1251 ? encoding : null,
        TrackLineNumbers = true,
        MaxRecordSize = maxRowBytes,
        BufferSize = 256 * 1024,
        OnMalformedRecord = onMalformed,
    };

    private static FileStream OpenStream(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
}
