using System.Globalization;
using System.Runtime.CompilerServices;

namespace PhoneCrm.Core.Numbers;

/// <summary>
/// The clean-up that comes before libphonenumber, for what files carry and the library does not read the way
/// a call centre needs: edge noise (quotes, Excel's apostrophe and ="…", BOM, invisible marks), "tel:", Excel
/// floats written as text, and letters. The library would read letters as vanity digits ("8 800 FLOWERS") and
/// words such as "ext" as an extension; here any letter rejects the value, so that an extension never files two
/// people at one office under one number. What is left is the digits, with a '+' when one came first.
/// </summary>
internal static class PhoneTextCleanup
{
    /// <param name="output">'+' at [0], then the digits from [1]; room for the longest value accepted.</param>
    /// <param name="count">How many digits follow the '+' slot.</param>
    /// <param name="international">True when the value started with '+' (or a full-width '＋').</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PhoneRejectReason Clean(ReadOnlySpan<char> raw, Span<char> output, out int count, out bool international)
    {
        output[0] = '+';
        var digits = output[1..];
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
                // Separators of any kind (NBSP and thin spaces, dots, dashes, slashes, brackets) are skipped
                // rather than listed, so an odd one in a file never rejects a good number.
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
    private static ReadOnlySpan<char> TrimEdges(ReadOnlySpan<char> text)
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
