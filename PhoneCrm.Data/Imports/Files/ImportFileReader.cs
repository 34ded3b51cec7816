using PhoneCrm.Core.Common;

namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Opens an uploaded file for import: tells CSV, XLSX and XLS apart by their first bytes, refuses what cannot
/// be read with a message for the user (<see cref="DomainException"/>), and reads the header.
/// </summary>
public static class ImportFileReader
{
    // Enough to judge whether text is binary, and to hold any file signature.
    private const int HeadBytes = 64 * 1024;

    public static ImportFile Open(string path) => Open(path, ImportFileLimits.Default);

    /// <param name="originalName">The name the user gave the file, when it is stored under another (an upload is kept
    /// as {guid}.upload): the format is judged by that name and the first bytes together.</param>
    public static ImportFile Open(string path, ImportFileLimits limits, string? originalName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(limits);

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024);
        var head = new byte[HeadBytes];
        var length = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
        if (length == 0)
        {
            throw new DomainException(ImportFileMessages.Empty);
        }

        var start = head.AsSpan(0, length);
        if (FileSignature.IsZip(start))
        {
            XlsxPackageInspector.Inspect(stream, limits);
            return new ImportFile(ImportFileFormat.Xlsx, null, null, new ExcelRowSource(path));
        }

        if (FileSignature.IsOle2(start))
        {
            return new ImportFile(ImportFileFormat.Xls, null, null, new ExcelRowSource(path));
        }

        // Text named .xls is read as text (1C and many web systems export tab-separated text or CSV under that
        // name), but nothing that is not a zip can be an .xlsx: it is damaged or something else renamed.
        if (FileSignature.IsNamedXlsx(originalName ?? path))
        {
            throw new DomainException(ImportFileMessages.XlsxNotZip);
        }

        var encoding = TextEncodingDetector.Detect(start, stream);
        var csv = CsvRowSource.Create(path, encoding, limits.MaxCsvRowBytes);
        return new ImportFile(ImportFileFormat.Csv, encoding.WebName, csv.Delimiter, csv);
    }
}
