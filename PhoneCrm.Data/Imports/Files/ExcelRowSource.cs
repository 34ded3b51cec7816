using System.Xml;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using PhoneCrm.Core.Common;

namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Reads the first sheet of an XLSX or XLS file row by row through ExcelDataReader's forward-only
/// IExcelDataReader, which parses the worksheet XML as a stream and never holds the whole sheet. It does hold
/// the workbook's shared-string table (every distinct text Excel saved), so memory grows with distinct texts:
/// about 60 MB for 400,000 of them.
/// </summary>
internal sealed class ExcelRowSource(string path) : IRowSource
{
    // XLS stores text in code pages that .NET only knows once this provider is registered.
    static ExcelRowSource() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public IEnumerable<SourceRow> ReadAll()
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        using var reader = CreateReader(stream);
        long rowNumber = 0;
        while (true)
        {
            bool read;
            try
            {
                read = reader.Read();
            }
            catch (Exception e) when (IsBrokenWorkbook(e))
            {
                throw new DomainException(ImportFileMessages.WorkbookDamagedAt(rowNumber + 1));
            }

            if (!read)
            {
                yield break;
            }

            // The reader yields empty rows for the gaps between stored rows, so its 0-based position is
            // exactly the row number Excel shows, less one.
            rowNumber = reader.Depth + 1;
            var cells = new string?[reader.FieldCount];
            var hasValue = false;
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = ExcelCellText.Format(reader.GetValue(i));
                hasValue = hasValue || !string.IsNullOrWhiteSpace(cells[i]);
            }

            // Formatted but empty rows below a table carry nothing to import.
            if (hasValue)
            {
                yield return new SourceRow(rowNumber, cells);
            }
        }
    }

    private static IExcelDataReader CreateReader(Stream stream)
    {
        try
        {
            return ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (InvalidPasswordException)
        {
            throw new DomainException(ImportFileMessages.PasswordProtected);
        }
        catch (Exception e) when (IsBrokenWorkbook(e))
        {
            throw new DomainException(ImportFileMessages.NotAWorkbook);
        }
    }

    /// <summary>
    /// What ExcelDataReader and the XML and zip readers under it throw for a file that is not the workbook it
    /// claims to be. Disk and permission errors are left alone: they are ours to log, not the user's to fix.
    /// </summary>
    private static bool IsBrokenWorkbook(Exception e) => e is ExcelReaderException or XmlException
        or InvalidDataException or EndOfStreamException or NotSupportedException or FormatException
        or ArgumentException or InvalidOperationException or IndexOutOfRangeException or InvalidCastException
        or OverflowException;
}
