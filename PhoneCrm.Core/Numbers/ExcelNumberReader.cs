using System.Runtime.CompilerServices;

namespace PhoneCrm.Core.Numbers;

/// <summary>
/// Recognises a phone number that a spreadsheet or a script stored as a floating-point number and wrote back
/// as text: "7.9123456789E10" (Java, some exporters), "7,9123456789E+10" (Excel in a comma-decimal locale),
/// "79123456789.0" (Python, pandas).
/// </summary>
internal static class ExcelNumberReader
{
    // Excel's General format shows at most six significant digits in scientific notation ("7.91235E+10"),
    // so a float that short whose value needs padding zeros has lost the tail of the number.
    private const int MaxDigitsOfATruncatedFloat = 6;

    /// <summary>
    /// True when <paramref name="text"/> (already trimmed) has one of the float shapes; then
    /// <paramref name="reason"/> says whether its digits are usable. False sends the text to the ordinary
    /// scan, where the 'E' of anything float-like but not a whole number counts as a letter.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryRead(
        ReadOnlySpan<char> text, Span<char> digits, out int count, out bool international, out PhoneRejectReason reason)
    {
        count = 0;
        reason = PhoneRejectReason.None;
        international = text.Length > 0 && text[0] == '+';
        var i = international ? 1 : 0;

        var whole = ReadDigits(text, ref i);
        if (whole.IsEmpty || i == text.Length)
            return false;

        // "1E+10" has no fraction; any other mantissa has a separator and digits after it.
        ReadOnlySpan<char> fraction = [];
        if (text[i] is '.' or ',')
        {
            i++;
            fraction = ReadDigits(text, ref i);
            if (fraction.IsEmpty)
                return false;
            if (i == text.Length)
            {
                // "79123456789.0": a whole number with a decimal tail of zeros.
                if (fraction.ContainsAnyExcept('0'))
                    return false;
                return Write(whole, [], 0, digits, out count, out reason);
            }
        }

        if ((text[i] | 0x20) != 'e')
            return false;
        i++;
        if (i < text.Length && text[i] == '+')
            i++;
        var exponentDigits = ReadDigits(text, ref i);
        if (exponentDigits.IsEmpty || exponentDigits.Length > 2 || i != text.Length)
            return false;
        var exponent = 0;
        foreach (var c in exponentDigits)
            exponent = exponent * 10 + (c - '0');

        // The value must be a whole number: fraction digits beyond the exponent may only be zeros.
        var used = Math.Min(exponent, fraction.Length);
        if (fraction[used..].ContainsAnyExcept('0'))
            return false;
        var padding = exponent - used;

        if (padding > 0 && SignificantDigits(whole, fraction) <= MaxDigitsOfATruncatedFloat)
        {
            reason = PhoneRejectReason.TooShort;
            return true;
        }
        return Write(whole, fraction[..used], padding, digits, out count, out reason);
    }

    private static bool Write(
        ReadOnlySpan<char> whole, ReadOnlySpan<char> fraction, int padding, Span<char> digits,
        out int count, out PhoneRejectReason reason)
    {
        count = whole.Length + fraction.Length + padding;
        if (count > digits.Length)
        {
            reason = PhoneRejectReason.TooLong;
            return true;
        }
        whole.CopyTo(digits);
        fraction.CopyTo(digits[whole.Length..]);
        digits.Slice(whole.Length + fraction.Length, padding).Fill('0');
        reason = PhoneRejectReason.None;
        return true;
    }

    private static ReadOnlySpan<char> ReadDigits(ReadOnlySpan<char> text, scoped ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        return text[start..i];
    }

    private static int SignificantDigits(ReadOnlySpan<char> whole, ReadOnlySpan<char> fraction)
    {
        // Positions in the mantissa as if whole and fraction were one run of digits.
        var first = whole.IndexOfAnyExcept('0');
        if (first < 0)
        {
            var inFraction = fraction.IndexOfAnyExcept('0');
            if (inFraction < 0)
                return 0;
            first = whole.Length + inFraction;
        }
        var lastInFraction = fraction.LastIndexOfAnyExcept('0');
        var last = lastInFraction >= 0 ? whole.Length + lastInFraction : whole.LastIndexOfAnyExcept('0');
        return last - first + 1;
    }
}
