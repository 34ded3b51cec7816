using System.Buffers.Binary;

namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Reads how many entries a zip archive declares, from its end-of-central-directory record, without reading
/// the directory itself: ZipArchive builds an object per entry, so a zip of millions of empty entries would
/// exhaust memory before its count could be checked.
/// </summary>
internal static class ZipEntryCount
{
    private const int EndRecordSize = 22;
    private const int MaxCommentSize = ushort.MaxValue;
    private const uint EndRecordSignature = 0x06054B50;
    private const uint Zip64LocatorSignature = 0x07064B50;
    private const uint Zip64EndRecordSignature = 0x06064B50;

    /// <summary>The declared entry count, or null when the stream has no readable end record.</summary>
    public static long? Read(Stream zip)
    {
        var tailLength = (int)Math.Min(zip.Length, EndRecordSize + MaxCommentSize);
        if (tailLength < EndRecordSize)
        {
            return null;
        }

        var tail = new byte[tailLength];
        zip.Position = zip.Length - tailLength;
        zip.ReadExactly(tail);

        // The record sits before a comment of up to 64 KB, so search backwards for its signature.
        for (var at = tailLength - EndRecordSize; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != EndRecordSignature)
            {
                continue;
            }

            var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            if (count != ushort.MaxValue)
            {
                return count;
            }

            return ReadZip64Count(zip, zip.Length - tailLength + at);
        }

        return null;
    }

    private static long? ReadZip64Count(Stream zip, long endRecordOffset)
    {
        // A count of 0xFFFF means the real one is in the ZIP64 end record, found through the locator that
        // sits just before the classic end record.
        const int locatorSize = 20;
        if (endRecordOffset < locatorSize)
        {
            return null;
        }

        Span<byte> locator = stackalloc byte[locatorSize];
        zip.Position = endRecordOffset - locatorSize;
        zip.ReadExactly(locator);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature)
        {
            return ushort.MaxValue;
        }

        var zip64EndOffset = BinaryPrimitives.ReadUInt64LittleEndian(locator[8..]);
        if (zip64EndOffset > (ulong)(zip.Length - 56))
        {
            return null;
        }

        Span<byte> record = stackalloc byte[40];
        zip.Position = (long)zip64EndOffset;
        zip.ReadExactly(record);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndRecordSignature)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt64LittleEndian(record[32..]);
        return count > long.MaxValue ? long.MaxValue : (long)count;
    }
}
