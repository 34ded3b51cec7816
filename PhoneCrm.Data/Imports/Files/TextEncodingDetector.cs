using System.Buffers;
using System.Text;
using System.Text.Unicode;
using PhoneCrm.Core.Common;

namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Tells which encoding a text file is in: a byte order mark decides; otherwise UTF-8 if the text is valid
/// UTF-8, else Windows-1251, which is what Russian Excel and 1C write when they do not write UTF-8.
/// </summary>
internal static class TextEncodingDetector
{
    // How much non-ASCII text decides between UTF-8 and Windows-1251. Cyrillic in Windows-1251 is almost never
    // valid UTF-8 for more than a few bytes, so this is plenty, and a UTF-8 file with one damaged byte far
    // down is still read as UTF-8 (that row gets a replacement character) instead of as mojibake throughout.
    private const int SampleBytes = 64 * 1024;

    private static readonly byte[] _utf8Bom = [0xEF, 0xBB, 0xBF];

    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// Detects the encoding from <paramref name="head"/>, the start of the file, reading on from
    /// <paramref name="rest"/> while the text seen so far is plain ASCII. Refuses binary content.
    /// </summary>
    public static Encoding Detect(ReadOnlySpan<byte> head, Stream rest)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        if (LooksBinary(head))
        {
            throw new DomainException(ImportFileMessages.Binary);
        }

        return head.StartsWith(_utf8Bom) || IsUtf8(head, rest) ? Encoding.UTF8 : Encoding.GetEncoding(1251);
    }

    /// <summary>
    /// Text files have no NUL bytes and few control characters; executables, images, archives and random
    /// bytes have plenty of both (about one byte in ten of random data is a control character).
    /// </summary>
    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0))
        {
            return true;
        }

        var controls = 0;
        foreach (var b in head)
        {
            if ((b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1A)) || b == 0x7F)
            {
                controls++;
            }
        }

        return controls * 100L > head.Length;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> head, Stream rest)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(SampleBytes);
        try
        {
            head.CopyTo(buffer);
            var length = head.Length;
            while (true)
            {
                var firstHigh = buffer.AsSpan(0, length).IndexOfAnyInRange((byte)0x80, (byte)0xFF);
                if (firstHigh >= 0)
                {
                    // Judge a full sample that starts at the first non-ASCII byte.
                    buffer.AsSpan(firstHigh, length - firstHigh).CopyTo(buffer);
                    length -= firstHigh;
                    length += rest.ReadAtLeast(buffer.AsSpan(length, SampleBytes - length), SampleBytes - length, false);
                    return IsValidUtf8(buffer.AsSpan(0, length), isEnd: length < SampleBytes);
                }

                length = rest.ReadAtLeast(buffer.AsSpan(0, SampleBytes), SampleBytes, false);
                if (length == 0)
                {
                    return true; // all ASCII, which UTF-8 reads the same
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> sample, bool isEnd)
    {
        var chars = ArrayPool<char>.Shared.Rent(sample.Length);
        try
        {
            // A sample cut in the middle of a character is fine (NeedMoreData); only a broken sequence is not.
            var status = Utf8.ToUtf16(sample, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: isEnd);
            return status != OperationStatus.InvalidData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
