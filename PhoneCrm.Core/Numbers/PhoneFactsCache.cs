using System.Collections.Concurrent;
using PhoneNumbers;

namespace PhoneCrm.Core.Numbers;

/// <summary>
/// The operator and time zones of accepted numbers, asked of the library once per (type, length, leading digits
/// that decide its maps, <see cref="MappingKeyLengths"/>): the carrier mapper answers only for mobile-like types and the time-zone
/// mapper by type class and prefix, so within such a group every number gets the same answers. Asking the library
/// for each row would cost more than reading the row.
/// </summary>
public static class PhoneFactsCache
{
    // A few countries' files make a few hundred thousand groups at most; past this, answers are not remembered.
    private const int MaxEntries = 500_000;

    private static readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();
    private static readonly ConcurrentDictionary<string, PhoneFacts> _facts = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<int, MappingKeyLengths> _keys = new();
    private static CallingCode _lastCode = new(0, "");

    /// <param name="e164">An accepted number, as <see cref="PhoneNormalizer"/> gives it.</param>
    /// <param name="numberType">Its type code, as <see cref="PhoneNormalizer"/> gives it.</param>
    public static PhoneFacts For(string e164, string numberType)
    {
        var digits = e164.Length - 1;
        // Row after row comes the same calling code: checked by its digits, it is not looked up again.
        var last = _lastCode;
        var countryCode = e164.AsSpan(1).StartsWith(last.Digits) && last.Digits.Length > 0 ? last.Code : CountryCodeOf(e164);
        var shared = _keys.GetOrAdd(countryCode, MappingKeyLengths.For).DecidingDigits(e164.AsSpan(1));
        // The type, the length as one char, the shared digits.
        var key = string.Concat(numberType.AsSpan(), [(char)digits], e164.AsSpan(1, shared));
        if (_facts.TryGetValue(key, out var known))
            return known;
        var facts = FromLibrary(e164);
        if (_facts.Count < MaxEntries)
            _facts.TryAdd(key, facts);
        return facts;
    }

    /// <summary>The library's answers for one number, uncached: what the cache must agree with.</summary>
    public static PhoneFacts FromLibrary(string e164)
    {
        PhoneNumber number;
        try
        {
            number = _util.Parse(e164, null);
        }
        catch (NumberParseException)
        {
            return PhoneFacts.None;
        }
        var carrier = PhoneNumberToCarrierMapper.GetInstance().GetNameForNumber(number, Locale.English);
        var zoneMapper = PhoneNumberToTimeZonesMapper.GetInstance();
        var unknown = zoneMapper.GetUnknownTimeZone();
        var zones = zoneMapper.GetTimeZonesForNumber(number).Where(z => z != unknown).ToArray();
        return new PhoneFacts(string.IsNullOrEmpty(carrier) ? null : carrier, zones.Length == 0 ? null : zones);
    }

    // Calling codes are prefix-free, one to three digits.
    private static int CountryCodeOf(string e164)
    {
        for (var length = 1; length <= 3 && length < e164.Length; length++)
        {
            var code = int.Parse(e164.AsSpan(1, length), System.Globalization.CultureInfo.InvariantCulture);
            if (_util.GetRegionCodeForCountryCode(code) != "ZZ")
            {
                _lastCode = new CallingCode(code, e164.Substring(1, length));
                return code;
            }
        }
        return 0;
    }

    // A class, so that another thread never sees one code's digits with another's number.
    private sealed record CallingCode(int Code, string Digits);
}
