using System.IO.Compression;
using PhoneCrm.Core.Common;

namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Refuses an XLSX whose zip directory promises absurd sizes ("zip bomb") before a byte of it is unpacked.
/// The sizes checked are those the directory declares. A directory that lies gains nothing: ExcelDataReader
/// unpacks through System.IO.Compression's ZipArchive, which stops reading an entry at its declared size
/// (seen on .NET 10), so the sheet comes out cut short and is reported as damaged.
/// </summary>
internal static class XlsxPackageInspector
{
    // Below this an entry cannot hurt whatever its ratio, and small XML parts full of repeated markup (styles,
    // an empty sheet) legitimately pack far better than 200 to 1.
    private const long RatioCheckFromBytes = 1024 * 1024;

    public static void Inspect(Stream zip, ImportFileLimits limits)
    {
        var declared = ZipEntryCount.Read(zip) ?? throw new DomainException(ImportFileMessages.ZipDamaged);
        if (declared > limits.MaxZipEntries)
        {
            throw new DomainException(ImportFileMessages.TooManyZipEntries(declared, limits.MaxZipEntries));
        }

        zip.Position = 0;
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            CheckSizes(archive, limits);
        }
        catch (InvalidDataException)
        {
            throw new DomainException(ImportFileMessages.ZipDamaged);
        }
    }

    private static void CheckSizes(ZipArchive archive, ImportFileLimits limits)
    {
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            if (entry.Length < 0 || total > limits.MaxUncompressedBytes)
            {
                throw new DomainException(ImportFileMessages.TooLargeUnpacked(limits.MaxUncompressedBytes));
            }

            if (entry.Length < RatioCheckFromBytes)
            {
                continue;
            }

            var ratio = entry.CompressedLength <= 0
                ? double.PositiveInfinity
                : (double)entry.Length / entry.CompressedLength;
            if (ratio > limits.MaxCompressionRatio)
            {
                throw new DomainException(
                    ImportFileMessages.CompressionRatioTooHigh(entry.FullName, ratio, limits.MaxCompressionRatio));
            }
        }
    }
}
