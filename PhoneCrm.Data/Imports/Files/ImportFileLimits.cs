namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Guards applied before and while a file is parsed. The zip limits keep a hostile XLSX ("zip bomb") from being
/// unpacked at all; the record limit keeps a CSV quote that is never closed from buffering the rest of the file.
/// </summary>
public sealed record ImportFileLimits
{
    public static ImportFileLimits Default { get; } = new();

    /// <summary>Most parts an XLSX may hold; a real workbook has tens, one with many sheets a few hundred.</summary>
    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>Most bytes all parts of an XLSX may take once unpacked, as its central directory declares.</summary>
    public long MaxUncompressedBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Highest unpacked-to-packed ratio of one part; worksheet XML rarely passes 50.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Longest CSV row, in bytes of UTF-8; well above a 1 MB line, well below memory trouble.</summary>
    public int MaxCsvRowBytes { get; init; } = 16 * 1024 * 1024;
}
