namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// The magic bytes that tell a workbook from text. Users rename files and systems export HTML or text with an
/// .xls name, so the name is only used to explain a refusal, never to choose a reader.
/// </summary>
internal static class FileSignature
{
    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\x03\x04"u8);

    /// <summary>OLE2 compound document: XLS, and also a password-protected XLSX.</summary>
    public static bool IsOle2(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>Whether the name promises an Office Open XML workbook, which is always a zip archive.</summary>
    public static bool IsNamedXlsx(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".xlsx" or ".xlsm";
}
