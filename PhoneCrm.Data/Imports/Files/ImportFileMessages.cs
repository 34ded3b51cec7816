using System.Globalization;
using System.Resources;

namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Every message a user can get from reading an import file, in the user's language: the texts are in
/// ImportFileMessages.resx (English) and ImportFileMessages.ru.resx, looked up in the current UI culture (the
/// circuit's on upload; the app's default language in background imports).
/// </summary>
public static class ImportFileMessages
{
    private static readonly ResourceManager Texts = new(typeof(ImportFileMessages));

    public static string Empty => Text(nameof(Empty));

    public static string NoDataRows => Text(nameof(NoDataRows));

    public static string Binary => Text(nameof(Binary));

    public static string XlsxNotZip => Text(nameof(XlsxNotZip));

    public static string ZipDamaged => Text(nameof(ZipDamaged));

    public static string NotAWorkbook => Text(nameof(NotAWorkbook));

    public static string PasswordProtected => Text(nameof(PasswordProtected));

    public static string WorkbookDamagedAt(long rowNumber) => Text(nameof(WorkbookDamagedAt), rowNumber);

    public static string TooManyZipEntries(long count, int limit) => Text(nameof(TooManyZipEntries), count, limit);

    public static string TooLargeUnpacked(long limitBytes) => Text(nameof(TooLargeUnpacked), limitBytes / (1024 * 1024));

    public static string CompressionRatioTooHigh(string partName, double ratio, double limit) =>
        Text(nameof(CompressionRatioTooHigh), partName, ratio, limit);

    public static string QuoteNotClosed(long rowNumber) => Text(nameof(QuoteNotClosed), rowNumber);

    public static string RowTooLong(long rowNumber, int limitBytes) => Text(nameof(RowTooLong), rowNumber, limitBytes / (1024 * 1024));

    private static string Text(string name, params object[] arguments)
    {
        var format = Texts.GetString(name, CultureInfo.CurrentUICulture)
                     ?? throw new InvalidOperationException($"ImportFileMessages.resx has no {name}.");
        return arguments.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, arguments);
    }
}
