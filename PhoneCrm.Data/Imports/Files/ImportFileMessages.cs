using PhoneCrm.Core.Common;
using System.Globalization;
using System.Resources;
using System.Text.Json;

namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Every message a user can get from reading an import file, in the user's language: the texts are in
/// ImportFileMessages.resx (English) and ImportFileMessages.ru.resx, looked up in the current UI culture (the
/// circuit's on upload; the app's default language in background imports).
/// </summary>
public static class ImportFileMessages
{
    private static readonly ResourceManager Texts = new(typeof(ImportFileMessages));

    public static LocalizedMessage Empty => Text(nameof(Empty));

    public static LocalizedMessage NoDataRows => Text(nameof(NoDataRows));

    public static LocalizedMessage Binary => Text(nameof(Binary));

    public static LocalizedMessage XlsxNotZip => Text(nameof(XlsxNotZip));

    public static LocalizedMessage ZipDamaged => Text(nameof(ZipDamaged));

    public static LocalizedMessage NotAWorkbook => Text(nameof(NotAWorkbook));

    public static LocalizedMessage PasswordProtected => Text(nameof(PasswordProtected));

    public static LocalizedMessage WorkbookDamagedAt(long rowNumber) => Text(nameof(WorkbookDamagedAt), rowNumber);

    public static LocalizedMessage TooManyZipEntries(long count, int limit) => Text(nameof(TooManyZipEntries), count, limit);

    public static LocalizedMessage TooLargeUnpacked(long limitBytes) => Text(nameof(TooLargeUnpacked), limitBytes / (1024 * 1024));

    public static LocalizedMessage CompressionRatioTooHigh(string partName, double ratio, double limit) =>
        Text(nameof(CompressionRatioTooHigh), partName, ratio, limit);

    public static LocalizedMessage QuoteNotClosed(long rowNumber) => Text(nameof(QuoteNotClosed), rowNumber);

    public static LocalizedMessage RowTooLong(long rowNumber, int limitBytes) => Text(nameof(RowTooLong), rowNumber, limitBytes / (1024 * 1024));

    public static LocalizedMessage Cancelled => Text(nameof(Cancelled));

    public static LocalizedMessage Interrupted => Text(nameof(Interrupted));

    public static LocalizedMessage Unexpected => Text(nameof(Unexpected));

    /// <summary>A stored message (<see cref="LocalizedMessage.Key"/> and its arguments as a JSON array) in the current
    /// language; null when this version has no such key.</summary>
    public static string? Render(string key, string? argumentsJson)
    {
        if (string.IsNullOrEmpty(argumentsJson))
            return Render(key, []);
        using var json = JsonDocument.Parse(argumentsJson);
        var arguments = json.RootElement.EnumerateArray().Select(a => a.ValueKind switch
        {
            JsonValueKind.Number when a.TryGetInt64(out var whole) => (object)whole,
            JsonValueKind.Number => a.GetDouble(),
            _ => a.ToString(),
        }).ToArray();
        return Render(key, arguments);
    }

    /// <summary>A message again, in the current language; null when this version has no such key.</summary>
    public static string? Render(string key, object[] arguments) =>
        Texts.GetString(key, CultureInfo.CurrentUICulture) is { } format
            ? arguments.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, arguments)
            : null;

    private static LocalizedMessage Text(string name, params object[] arguments) =>
        new(name, arguments, Render(name, arguments) ?? throw new InvalidOperationException($"ImportFileMessages.resx has no {name}."));
}
