using System.Globalization;

namespace PhoneCrm.Core.Numbers;

/// <summary>
/// First step of <see cref="PhoneNormalizer"/>: from a raw cell to its digits and whether a '+' came first.
/// Separators of any kind (spaces, NBSP and thin spaces, dots, dashes, slashes, brackets, quotes, invisible
/// format characters) are skipped rather than listed, so an odd one in a file never rejects a good number.
/// </summary>
internal static class PhoneDigitScanner
{
    public static PhoneRejectReason Scan(ReadOnlySpan<char> raw, Span<char> digits, out int count, out bool international)
    {
        var text = TrimEdges(raw);
        if (text.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
            text = TrimEdges(text[4..]);

        if (ExcelNumberReader.TryRead(text, digits, out count, out international, out var reason))
            return reason;

        count = 0;
        international = false;
        foreach (var c in text)
        {
            int digit;
            if (char.IsAsciiDigit(c))
                digit = c - '0';
            else if (c < 128)
            {
                if (char.IsAsciiLetter(c))
                    return PhoneRejectReason.Letters;
                // Only a '+' in front of the number marks it international; one after digits is noise.
                if (c == '+' && count == 0)
                    international = true;
                continue;
            }
            else if (char.IsDigit(c))
                // Full-width and other scripts' decimal digits, as pasted from messengers and PDFs.
                digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            else if (char.IsLetter(c))
                return PhoneRejectReason.Letters;
            else
            {
                if (c == '\uFF0B' && count == 0)
                    international = true;
                continue;
            }

            // Keep counting past the buffer: the count alone is enough to call the value too long.
            if (count < digits.Length)
                digits[count] = (char)('0' + digit);
            count++;
        }

        if (count == 0)
            return PhoneRejectReason.Empty;
        return count > digits.Length ? PhoneRejectReason.TooLong : PhoneRejectReason.None;
    }

    /// <summary>
    /// Drops what surrounds a number in files: spaces of every kind, control and invisible format characters
    /// (BOM, zero-width space, direction marks), quotes, Excel's leading apostrophe and the '=' of the
    /// ="79123456789" trick that keeps a number as text. Needed before "tel:" and Excel floats are recognised.
    /// </summary>
    internal static ReadOnlySpan<char> TrimEdges(ReadOnlySpan<char> text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsEdgeNoise(text[start]))
            start++;
        while (end > start && IsEdgeNoise(text[end - 1]))
            end--;
        return text[start..end];
    }

    private static bool IsEdgeNoise(char c)
    {
        if (c < 128)
            return c <= ' ' || c is '\'' or '"' or '`' or '=' or (char)127;
        return char.IsWhiteSpace(c)
            || c is '\u2018' or '\u2019' or '\u201A' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB'
            || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
    }
}
