namespace PhoneCrm.Core.Numbers;

public static partial class CallingCodes
{
    // Codes are 1 to 3 digits, so a code's value indexes one of three small arrays and a lookup is three
    // array reads: no hashing and no string is built from the digits of each of millions of rows.
    private static readonly CallingCode?[] _oneDigit = new CallingCode?[10];
    private static readonly CallingCode?[] _twoDigits = new CallingCode?[100];
    private static readonly CallingCode?[] _threeDigits = new CallingCode?[1000];

    // Indexed by the two letters of an ISO code (26 × 26), for the same reason.
    private static readonly CallingCode?[] _byCountry = new CallingCode?[26 * 26];

    // A static constructor rather than field initialisers, because initialisers in the two files of this
    // partial class would run in no defined order and the table must exist before it is indexed.
    static CallingCodes()
    {
        foreach (var code in All)
        {
            if (code.NextDigits is null)
                Put(code.Code, code);
            else
                foreach (var next in code.NextDigits)
                    Put(code.Code + next, code);

            _byCountry[CountryIndex(code.Iso2)] = code;
        }

        foreach (var (iso2, main) in SharedCodeMembers)
            _byCountry[CountryIndex(iso2)] = _byCountry[CountryIndex(main)];
    }

    /// <summary>
    /// The row whose code is the longest prefix of <paramref name="digits"/> (digits only, no '+'), or null.
    /// Longest wins so that +77… finds Kazakhstan before +7 finds Russia.
    /// </summary>
    public static CallingCode? Find(ReadOnlySpan<char> digits)
    {
        CallingCode? found = null;
        var value = 0;
        for (var i = 0; i < 3 && i < digits.Length; i++)
        {
            var digit = digits[i] - '0';
            if ((uint)digit > 9)
                break;
            value = value * 10 + digit;
            var table = i switch { 0 => _oneDigit, 1 => _twoDigits, _ => _threeDigits };
            found = table[value] ?? found;
        }
        return found;
    }

    /// <summary>The row of a country (or of the main country it shares a code with); null when unknown.</summary>
    public static CallingCode? ForCountry(string? iso2)
    {
        if (iso2 is not { Length: 2 })
            return null;
        var index = CountryIndex(iso2);
        return index < 0 ? null : _byCountry[index];
    }

    private static void Put(string prefix, CallingCode code)
    {
        var table = prefix.Length switch { 1 => _oneDigit, 2 => _twoDigits, _ => _threeDigits };
        table[int.Parse(prefix, System.Globalization.CultureInfo.InvariantCulture)] = code;
    }

    private static int CountryIndex(string iso2)
    {
        var first = (iso2[0] | 0x20) - 'a';
        var second = (iso2[1] | 0x20) - 'a';
        return (uint)first < 26 && (uint)second < 26 ? first * 26 + second : -1;
    }
}
