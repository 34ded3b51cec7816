using PhoneCrm.Core.Common;

namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// A file opened for import by <see cref="ImportFileReader.Open"/>: its format, header and rows. Rows are read
/// from disk on every pass, never held, so a file of millions of rows takes constant memory.
/// </summary>
public sealed class ImportFile : IDisposable
{
    private readonly IRowSource _source;
    private bool _disposed;

    internal ImportFile(ImportFileFormat format, string? encoding, char? delimiter, IRowSource source)
    {
        Format = format;
        Encoding = encoding;
        Delimiter = delimiter;
        _source = source;

        // The header is the first row with a value; an empty file (or one of blank lines) has none.
        using var rows = source.ReadAll().GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new DomainException(ImportFileMessages.Empty);
        }

        HeaderRowNumber = rows.Current.RowNumber;
        Headers = HeaderNames.From(rows.Current.Cells);
    }

    public ImportFileFormat Format { get; }

    /// <summary>The text encoding of a CSV file (utf-8, windows-1251, utf-16), null for a workbook.</summary>
    public string? Encoding { get; }

    /// <summary>The field delimiter of a CSV file, null for a workbook.</summary>
    public char? Delimiter { get; }

    /// <summary>Column names, trimmed and unique (blank ones become "Column N"), usable as keys.</summary>
    public IReadOnlyList<string> Headers { get; }

    public long HeaderRowNumber { get; }

    /// <summary>The first data rows, with empty cells as "", padded to the header's width, for the mapping UI.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Preview(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var preview = new List<IReadOnlyList<string>>(Math.Min(rows, 1000));
        foreach (var row in Rows().Take(rows))
        {
            preview.Add(row.Cells.Select(cell => cell ?? "").ToArray());
        }

        return preview;
    }

    /// <summary>Every data row after the header, streamed from the file.</summary>
    public IEnumerable<SourceRow> Rows()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ReadDataRows();
    }

    public void Dispose() => _disposed = true;

    private IEnumerable<SourceRow> ReadDataRows()
    {
        var width = Headers.Count;
        var isHeader = true;
        foreach (var row in _source.ReadAll())
        {
            if (isHeader)
            {
                isHeader = false;
                continue;
            }

            ObjectDisposedException.ThrowIf(_disposed, this);
            yield return row.Cells.Length >= width ? row : row with { Cells = Widen(row.Cells, width) };
        }
    }

    private static string?[] Widen(string?[] cells, int width)
    {
        var wide = new string?[width];
        cells.CopyTo(wide, 0);
        return wide;
    }
}
