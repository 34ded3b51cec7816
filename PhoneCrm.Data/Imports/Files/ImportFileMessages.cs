using System.Globalization;

namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Every message a user can get from reading an import file, in one place so that they can be localised
/// without hunting through the readers.
/// </summary>
public static class ImportFileMessages
{
    public static string Empty => "The file is empty.";

    public static string Binary =>
        "The file is neither a text (CSV) file nor an Excel workbook: it contains binary data. "
        + "Upload a CSV, XLSX or XLS file.";

    public static string XlsxNotZip =>
        "The file is named .xlsx but is not an Excel workbook: an XLSX file is a zip archive and this one is not. "
        + "Open it in Excel and save it again as XLSX, or upload it as CSV.";

    public static string ZipDamaged =>
        "The XLSX file is damaged: its zip structure cannot be read. Open it in Excel and save it again.";

    public static string NotAWorkbook =>
        "The file cannot be read as an Excel workbook. Open it in Excel and save it again as XLSX, or upload it as CSV.";

    public static string PasswordProtected =>
        "The workbook is protected with a password. Remove the password in Excel and upload it again.";

    public static string WorkbookDamagedAt(long rowNumber) => string.Format(
        CultureInfo.InvariantCulture,
        "The workbook is damaged near row {0} and cannot be read further. Open it in Excel and save it again.",
        rowNumber);

    public static string TooManyZipEntries(long count, int limit) => string.Format(
        CultureInfo.InvariantCulture,
        "The XLSX file is refused: it holds {0:N0} parts, more than the {1:N0} a workbook may have "
        + "(a guard against \"zip bombs\").",
        count, limit);

    public static string TooLargeUnpacked(long limitBytes) => string.Format(
        CultureInfo.InvariantCulture,
        "The XLSX file is refused: unpacked it would take more than {0:N0} MB (a guard against \"zip bombs\"). "
        + "Split it into smaller files or upload it as CSV.",
        limitBytes / (1024 * 1024));

    public static string CompressionRatioTooHigh(string partName, double ratio, double limit) => string.Format(
        CultureInfo.InvariantCulture,
        "The XLSX file is refused: its part {0} is packed {1:N0} to 1, more than the {2:N0} to 1 a real workbook "
        + "reaches (a guard against \"zip bombs\").",
        partName, ratio, limit);

    public static string QuoteNotClosed(long rowNumber) => string.Format(
        CultureInfo.InvariantCulture,
        "Row {0}: a quoted field opens on this row and is never closed, so the rest of the file would run into it. "
        + "Check the quotes (\") on that row.",
        rowNumber);

    public static string RowTooLong(long rowNumber, int limitBytes) => string.Format(
        CultureInfo.InvariantCulture,
        "Row {0} is longer than {1:N0} MB. Usually a quote (\") that opens on that row is never closed; check it.",
        rowNumber, limitBytes / (1024 * 1024));
}
