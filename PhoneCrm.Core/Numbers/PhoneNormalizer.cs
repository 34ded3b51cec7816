namespace PhoneCrm.Core.Numbers;

/// <summary>
/// Turns a phone number as people and spreadsheets write it into E.164 ("+79123456789") and the country of
/// its calling code, or says why it cannot. Imports call it for every one of millions of rows, so it uses no
/// regex, LINQ or heap buffers: a rejection allocates nothing and an acceptance only the E.164 string.
/// </summary>
/// <remarks>
/// <para>A number with a leading '+' is international. Without one, readings are tried in this order, and the
/// national number lengths in <see cref="CallingCodes"/> decide which one fits:</para>
/// <list type="number">
/// <item>the default country's international prefix ("810 44 …" in Russia) or "00";</item>
/// <item>its trunk prefix ("8 912 …", "020 7946 …");</item>
/// <item>its own calling code without the '+' ("7912…": Excel drops the '+' of numbers it stores as numbers);</item>
/// <item>a bare national number ("912 345 67 89");</item>
/// <item>any other country's code without the '+' ("375 29 …" in a Russian file).</item>
/// </list>
/// <para>Letters reject the value (see <see cref="PhoneRejectReason.Letters"/>); only a leading "tel:" and the
/// exponent of an Excel float are allowed. An unknown default country leaves only the international readings.</para>
/// </remarks>
public static class PhoneNormalizer
{
    public const int MinE164Digits = 8;
    public const int MaxE164Digits = 15;

    // Room for an international prefix ("0011") before a 15-digit number, and then some, so that a cell
    // holding two numbers is reported as too long rather than cut.
    private const int MaxRawDigits = 24;

    /// <param name="raw">The cell as read from the file; null counts as empty.</param>
    /// <param name="defaultCountryIso2">The project's country, for numbers written without a country code.</param>
    public static PhoneParseResult Normalize(string? raw, string defaultCountryIso2) =>
        raw is null ? PhoneParseResult.Rejected(PhoneRejectReason.Empty) : Normalize(raw.AsSpan(), defaultCountryIso2);

    /// <summary>The same for a cell still inside a reader's buffer, so an import need not make a string of it.</summary>
    public static PhoneParseResult Normalize(ReadOnlySpan<char> raw, string defaultCountryIso2)
    {
        Span<char> buffer = stackalloc char[MaxRawDigits];
        var reason = PhoneDigitScanner.Scan(raw, buffer, out var count, out var international);
        if (reason != PhoneRejectReason.None)
            return PhoneParseResult.Rejected(reason);

        var digits = buffer[..count];
        var home = CallingCodes.ForCountry(defaultCountryIso2);
        return international ? International(digits, home) : Unmarked(digits, home);
    }

    /// <summary>Digits that start with a country calling code.</summary>
    private static PhoneParseResult International(ReadOnlySpan<char> digits, CallingCode? home)
    {
        if (digits.Length > MaxE164Digits)
            return PhoneParseResult.Rejected(PhoneRejectReason.TooLong);

        var code = CallingCodes.Find(digits);
        if (code is not null)
            return Complete(code, digits[code.Code.Length..]);

        // "+8 912 345-67-89": the Russian trunk prefix typed where the country code belongs. It is read as
        // national only when no assigned code matches, so it cannot take a real foreign number, and not when
        // the rest starts with 0 ("+800 …", a global freephone number): countries that have a trunk prefix
        // never start a national number with 0.
        if (home is not null && TryTrunk(home, digits, out var national) && national[0] != '0')
            return Complete(home, national);

        return PhoneParseResult.Rejected(
            digits.Length < MinE164Digits ? PhoneRejectReason.TooShort : PhoneRejectReason.UnknownCallingCode);
    }

    /// <summary>Digits without a leading '+'.</summary>
    private static PhoneParseResult Unmarked(ReadOnlySpan<char> digits, CallingCode? home)
    {
        if (home is null)
            return International(digits, null);

        // Before the trunk prefix: Russia's "810" starts with its trunk "8". No national number in these
        // countries starts with "10" or "0", so neither prefix can be the start of a national number.
        if (home.IntlPrefix is { } exit && digits.StartsWith(exit))
            return International(digits[exit.Length..], home);
        if (digits.StartsWith("00"))
            return International(digits[2..], home);

        if (TryTrunk(home, digits, out var national))
            return Complete(home, national);
        if (digits.StartsWith(home.Code) && Fits(home, digits.Length - home.Code.Length))
            return Complete(home, digits[home.Code.Length..]);
        if (Fits(home, digits.Length))
            return Complete(home, digits);

        var other = CallingCodes.Find(digits);
        if (other is not null)
            return Complete(other, digits[other.Code.Length..]);

        return PhoneParseResult.Rejected(
            digits.Length < home.MinNsn ? PhoneRejectReason.TooShort : PhoneRejectReason.TooLong);
    }

    /// <summary>The national number behind one of the country's trunk prefixes, if the rest has its length.</summary>
    private static bool TryTrunk(CallingCode code, ReadOnlySpan<char> digits, out ReadOnlySpan<char> national)
    {
        // Splitting a null Trunk yields one empty range, which both loops over trunks skip.
        var trunks = code.Trunk.AsSpan();
        foreach (var range in trunks.Split('|'))
        {
            var trunk = trunks[range];
            if (!trunk.IsEmpty && digits.StartsWith(trunk) && Fits(code, digits.Length - trunk.Length))
            {
                national = digits[trunk.Length..];
                return true;
            }
        }
        national = default;
        return false;
    }

    /// <summary>Checks the national number against its country and builds the E.164 string.</summary>
    private static PhoneParseResult Complete(CallingCode code, ReadOnlySpan<char> national)
    {
        national = DropTrunkAfterCode(code, national);
        var length = code.Code.Length + national.Length;
        if (length < MinE164Digits || national.Length < code.MinNsn)
            return PhoneParseResult.Rejected(PhoneRejectReason.TooShort);
        if (length > MaxE164Digits || national.Length > code.MaxNsn)
            return PhoneParseResult.Rejected(PhoneRejectReason.TooLong);

        Span<char> e164 = stackalloc char[MaxE164Digits + 1];
        e164[0] = '+';
        code.Code.CopyTo(e164[1..]);
        national.CopyTo(e164[(1 + code.Code.Length)..]);
        e164 = e164[..(length + 1)];

        // Found again on the whole number rather than taken from the row: in a Kazakh project "8 912 …" is a
        // Russian number, and only the digit after +7 tells which.
        var country = CallingCodes.Find(e164[1..])!;
        return PhoneParseResult.Accepted(new string(e164), country.Iso2);
    }

    /// <summary>
    /// "+44 (0)20 …", "+375 (029) …", "+7 8 912 …": the trunk prefix written after the country code. Trunk
    /// prefixes starting with 0 are always dropped there, because those countries' national numbers never
    /// start with 0. Others ("8") only when the length says so: Russian numbers do start with 8 (800, 812).
    /// </summary>
    private static ReadOnlySpan<char> DropTrunkAfterCode(CallingCode code, ReadOnlySpan<char> national)
    {
        var trunks = code.Trunk.AsSpan();
        foreach (var range in trunks.Split('|'))
        {
            var trunk = trunks[range];
            if (trunk.IsEmpty || !national.StartsWith(trunk))
                continue;
            if (trunk[0] == '0' || (!Fits(code, national.Length) && Fits(code, national.Length - trunk.Length)))
                return national[trunk.Length..];
        }
        return national;
    }

    private static bool Fits(CallingCode code, int nationalLength)
    {
        var length = code.Code.Length + nationalLength;
        return nationalLength >= code.MinNsn && nationalLength <= code.MaxNsn
            && length >= MinE164Digits && length <= MaxE164Digits;
    }
}
