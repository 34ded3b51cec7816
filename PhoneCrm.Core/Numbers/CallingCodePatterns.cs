using PhoneNumbers;

namespace PhoneCrm.Core.Numbers;

/// <summary>
/// Every pattern libphonenumber consults to find a parsed number's region and type under one calling code (each
/// region's leading digits and number descriptions), walked digit by digit through their derivatives: the node of
/// a national number's prefix says whether that prefix already decides them all, for numbers of any one length.
/// </summary>
internal sealed class CallingCodePatterns
{
    // A node holds what is left of every pattern of the code (about 300 under +1), so the tree is kept to a few
    // MB; a number whose prefix needs a node past that is answered by the library, unremembered.
    private const int MaxNodes = 20_000;

    private readonly Node? _root;
    private int _nodes;

    private CallingCodePatterns(Node? root) => _root = root;

    /// <summary>Null when one of the patterns uses syntax <see cref="PhonePatternParser"/> does not read.</summary>
    public static CallingCodePatterns For(PhoneNumberUtil util, int countryCode)
    {
        var whole = new List<PhonePattern>();
        var leading = new List<PhonePattern>();
        var regions = util.GetRegionCodesForCountryCode(countryCode);
        IEnumerable<PhoneMetadata?> metadata = regions.Count == 0 || regions is ["001"]
            ? [util.GetMetadataForNonGeographicalRegion(countryCode)]
            : regions.Select(util.GetMetadataForRegion);
        foreach (var region in metadata)
        {
            if (region is null)
                continue;
            if (region.HasLeadingDigits && !Add(leading, region.LeadingDigits))
                return new CallingCodePatterns(null);
            foreach (var desc in Descriptions(region))
                if (desc.HasNationalNumberPattern && !Add(whole, desc.NationalNumberPattern))
                    return new CallingCodePatterns(null);
        }
        return new CallingCodePatterns(new Node([.. whole], [.. leading]));
    }

    /// <summary>
    /// How many leading digits of <paramref name="nationalNumber"/> decide its region, validity and type for every
    /// number of its length that starts with them; null when all of its digits are needed.
    /// </summary>
    public int? DecidingDigits(string nationalNumber)
    {
        if (_root is null)
            return null;
        var node = _root;
        for (var i = 0; ; i++)
        {
            if (node.Decided)
                return i;
            if (i == nationalNumber.Length)
                return null;
            var digit = nationalNumber[i] - '0';
            var next = node.Children[digit];
            if (next is null)
            {
                if (_nodes >= MaxNodes)
                    return null;
                next = node.Children[digit] = node.Derive(digit);
                _nodes++;
            }
            node = next;
        }
    }

    private static bool Add(List<PhonePattern> patterns, string text)
    {
        var pattern = PhonePatternParser.TryParse(text);
        if (pattern is null)
            return false;
        patterns.Add(pattern);
        return true;
    }

    private static IEnumerable<PhoneNumberDesc> Descriptions(PhoneMetadata m) =>
    [
        m.GeneralDesc, m.FixedLine, m.Mobile, m.TollFree, m.PremiumRate, m.SharedCost, m.PersonalNumber, m.Voip,
        m.Pager, m.Uan, m.Voicemail,
    ];

    /// <summary>What is left of every pattern after a prefix; whole-number patterns and leading-digit ones apart.</summary>
    private sealed class Node(PhonePattern[] whole, PhonePattern[] leading)
    {
        public Node?[] Children { get; } = new Node?[10];

        // A whole match is decided once the rest asks only for digits (or nothing can match); a leading-digits
        // match once it has matched (whatever follows) or cannot.
        public bool Decided { get; } = whole.All(p => p.Decided) && leading.All(p => p.Nullable || p == PhonePattern.Nothing);

        // A leading-digits pattern that has matched stays decided; Empty's derivative, Nothing, is decided too.
        public Node Derive(int digit) => new(
            [.. whole.Select(p => p.Derive(digit))],
            [.. leading.Select(p => p.Nullable ? PhonePattern.Nothing : p.Derive(digit))]);
    }
}
