using System.Runtime.CompilerServices;
using PhoneNumbers;

namespace PhoneCrm.Core.Numbers;

/// <summary>
/// Turns a phone number as people and spreadsheets write it into E.164 ("+79123456789") and its country, by
/// libphonenumber's metadata, or says why it cannot. Our own part is the text clean-up the library does not do
/// (<see cref="PhoneTextCleanup"/>) and the two readings of a file's digits that it does not try by itself.
/// </summary>
/// <remarks>
/// <para>Digits without a '+' are read as the library reads them in the project's country (its international
/// prefix, trunk prefix and own calling code included). When that gives no valid number, other readings are
/// tried, and the first valid one wins; when none is, the national reading's reason is reported:</para>
/// <list type="number">
/// <item>international: Excel drops the '+' of numbers it stores as numbers, so "375 29 …" turns up in a
/// Russian file;</item>
/// <item>after a leading 8: the Soviet trunk prefix, still written in Ukraine and Uzbekistan ("8 050 …",
/// "8 90 …") where the library knows only today's (0, or none);</item>
/// <item>after a leading "00": the international prefix of most of the world, dialled from mobiles in countries
/// whose own is another (Russia's is 810).</item>
/// </list>
/// <para>"+8 912 …": the Russian trunk prefix typed where the calling code belongs. Only when the library knows
/// no calling code there is it read as national, and not when the rest starts with 0 (countries with a trunk
/// prefix never start a national number with 0), so it cannot take a real foreign number.</para>
/// <para>An unknown project country leaves only the international reading.</para>
/// </remarks>
public static class PhoneNormalizer
{
    // Room for an international prefix ("0011") before a 15-digit number, and then some, so that a cell
    // holding two numbers is reported as too long rather than cut.
    private const int MaxRawDigits = 24;

    private static readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();
    private static readonly HashSet<string> _regions = _util.GetSupportedRegions();
    private static readonly PhoneReadCache _cache = new(_util);
    // A class, so that another thread never sees one import's country string with another's region.
    private static RegionOfCountry _lastRegion = new("", null);

    // Off only inside WithoutCache, which tests and the benchmark use to compare against the library itself.
    [ThreadStatic] private static bool _uncached;
    private static bool Cached => !_uncached;

    /// <param name="raw">The cell as read from the file; null counts as empty.</param>
    /// <param name="defaultCountryIso2">The project's country, for numbers written without a country code.</param>
    public static PhoneParseResult Normalize(string? raw, string defaultCountryIso2) =>
        raw is null ? PhoneParseResult.Rejected(PhoneRejectReason.Empty) : Normalize(raw.AsSpan(), defaultCountryIso2);

    /// <summary>The same for a cell still inside a reader's buffer, so an import need not make a string of it.</summary>
    // Optimised from the first call (so too the clean-up and the cache's lookup): tiering would run the hot path
    // unoptimised for the first few hundred thousand rows, because the library's own JIT work on cache misses
    // keeps postponing it, and an import of 200,000 rows would be over before the optimised code arrived.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PhoneParseResult Normalize(ReadOnlySpan<char> raw, string defaultCountryIso2)
    {
        Span<char> buffer = stackalloc char[MaxRawDigits + 1];
        var reason = PhoneTextCleanup.Clean(raw, buffer, out var count, out var international);
        if (reason != PhoneRejectReason.None)
            return PhoneParseResult.Rejected(reason);

        var withPlus = buffer[..(count + 1)];
        var digits = withPlus[1..];
        var region = Region(defaultCountryIso2);
        if (region is null)
            return Read(withPlus, null);

        if (international)
        {
            var read = Read(withPlus, region);
            if (read.Reason == PhoneRejectReason.UnknownCallingCode
                && _util.GetMetadataForRegion(region).NationalPrefix is { Length: > 0 } trunk
                && digits.StartsWith(trunk) && digits.Length > trunk.Length && digits[trunk.Length] != '0')
            {
                var national = Read(digits, region);
                if (national.Ok)
                    return national;
            }
            return read;
        }

        var asNational = Read(digits, region);
        if (asNational.Ok)
            return asNational;
        var asInternational = Read(withPlus, region);
        if (asInternational.Ok)
            return asInternational;
        if (digits.Length > 1 && digits[0] == '8')
        {
            var afterEight = Read(digits[1..], region);
            if (afterEight.Ok)
                return afterEight;
        }
        else if (digits.StartsWith("00"))
        {
            // The '+' goes over the second 0, so the buffer reads "+" and the digits after "00".
            buffer[2] = '+';
            var afterZeros = Read(buffer[2..(count + 1)], region);
            if (afterZeros.Ok)
                return afterZeros;
        }
        return asNational;
    }

    /// <summary>
    /// The same answer straight from the library on every call, without the cache of <see cref="PhoneReadCache"/>:
    /// for the tests that prove the cache changes nothing, and for measuring what it saves.
    /// </summary>
    public static PhoneParseResult NormalizeWithoutCache(string? raw, string defaultCountryIso2)
    {
        _uncached = true;
        try
        {
            return Normalize(raw, defaultCountryIso2);
        }
        finally
        {
            _uncached = false;
        }
    }

    /// <summary>The library's region code for a project country; null when it knows none.</summary>
    private static string? Region(string? iso2)
    {
        // The same country string comes row after row: found by reference, it is neither upper-cased nor hashed
        // again, and the cache finds its tables by the same reference.
        var last = _lastRegion;
        if (ReferenceEquals(last.Input, iso2))
            return last.Region;
        string? region = null;
        if (iso2 is { Length: 2 })
        {
            var upper = char.IsAsciiLetterUpper(iso2[0]) && char.IsAsciiLetterUpper(iso2[1]) ? iso2 : iso2.ToUpperInvariant();
            region = _regions.TryGetValue(upper, out var known) ? known : null;
        }
        _lastRegion = new RegionOfCountry(iso2, region);
        return region;
    }

    private static PhoneParseResult Read(ReadOnlySpan<char> text, string? region)
    {
        if (!Cached)
            return LibraryRead(text, region).Result;
        if (_cache.TryRead(text, region, out var known))
            return known;
        var reading = LibraryRead(text, region);
        _cache.Learn(text, region, reading);
        return reading.Result;
    }

    private static LibraryReading LibraryRead(ReadOnlySpan<char> text, string? region)
    {
        PhoneNumber number;
        try
        {
            number = _util.Parse(text.ToString(), region);
        }
        catch (NumberParseException e)
        {
            return new LibraryReading(PhoneParseResult.Rejected(PhoneLibraryReasons.Of(e.ErrorType)), 0, null,
                e.ErrorType == ErrorType.INVALID_COUNTRY_CODE);
        }

        // IsValidNumber is exactly this, but would find the region a second time for the result.
        var numberRegion = _util.GetRegionCodeForNumber(number);
        var result = numberRegion is not null && _util.IsValidNumberForRegion(number, numberRegion)
            ? PhoneParseResult.Accepted(_util.Format(number, PhoneNumberFormat.E164), numberRegion,
                NumberTypeCodes.Of(_util.GetNumberType(number)))
            : PhoneParseResult.Rejected(PhoneLibraryReasons.OfInvalid(_util, number));
        return new LibraryReading(result, number.CountryCode, _util.GetNationalSignificantNumber(number), false);
    }
}
