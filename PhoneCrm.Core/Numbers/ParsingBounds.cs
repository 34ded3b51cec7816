using System.Text.RegularExpressions;
using PhoneNumbers;

namespace PhoneCrm.Core.Numbers;

/// <summary>
/// For <see cref="PhoneReadCache"/>: how many leading digits can change the way libphonenumber parses a text, per
/// project country, '+' or not, and calling code. Used under the cache's learning lock only, so it needs none.
/// </summary>
internal sealed class ParsingBounds(PhoneNumberUtil util)
{
    private readonly Dictionary<(string Region, bool International, int CountryCode), int> _digits = [];
    private readonly Dictionary<string, Regex?> _internationalPrefixes = [];

    /// <summary>
    /// Leading digits that decide how the library parses a text into a calling code and a national number: the
    /// international prefix, the calling code, two trunk prefixes (the project country's and the calling code's
    /// main country's, after the code) and the general pattern, each at its longest. Past them, the national
    /// number is the text's tail.
    /// </summary>
    public int Digits(string region, bool international, int countryCode)
    {
        if (_digits.TryGetValue((region, international, countryCode), out var known))
            return known;
        var main = util.GetRegionCodeForCountryCode(countryCode);
        var mainMetadata = main == "001" ? util.GetMetadataForNonGeographicalRegion(countryCode) : util.GetMetadataForRegion(main);
        var own = international ? null : util.GetMetadataForRegion(region);
        // After a '+', the library takes the first 1 to 3 digits that are an assigned code: the code's own digits
        // decide it, since no code is the start of another.
        var codeLength = countryCode.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        var trunk = Math.Max(MaxLength(mainMetadata?.NationalPrefixForParsing), MaxLength(own?.NationalPrefixForParsing));
        var general = Math.Max(Depth(mainMetadata?.GeneralDesc.NationalNumberPattern), Depth(own?.GeneralDesc.NationalNumberPattern));
        var digits = Math.Min(PhonePattern.Unbounded, Math.Max(MaxLength(own?.InternationalPrefix), codeLength + 2 * trunk + general));
        if (mainMetadata is null)
            digits = PhonePattern.Unbounded;
        return _digits[(region, international, countryCode)] = digits;
    }

    public bool StartsWithInternationalPrefix(string region, ReadOnlySpan<char> digits)
    {
        if (!_internationalPrefixes.TryGetValue(region, out var prefix))
        {
            var pattern = util.GetMetadataForRegion(region)?.InternationalPrefix;
            _internationalPrefixes[region] = prefix = string.IsNullOrEmpty(pattern) ? null
                : new Regex("^(?:" + pattern + ")", RegexOptions.CultureInvariant);
        }
        return prefix is not null && prefix.IsMatch(digits);
    }

    public int InternationalPrefixLength(string region) => MaxLength(util.GetMetadataForRegion(region)?.InternationalPrefix);

    private static int MaxLength(string? pattern) =>
        string.IsNullOrEmpty(pattern) ? 0 : PhonePatternParser.TryParse(pattern)?.MaxLength ?? PhonePattern.Unbounded;

    private static int Depth(string? pattern) =>
        string.IsNullOrEmpty(pattern) ? 0 : PhonePatternParser.TryParse(pattern)?.Depth ?? PhonePattern.Unbounded;
}
