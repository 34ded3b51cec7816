using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using PhoneNumbers;

namespace PhoneCrm.Core.Numbers;

/// <summary>
/// The keys of the library's English carrier map of a calling code and of its time-zone map, as the set of their
/// proper prefixes. Both maps are looked up by the longest key that starts the number (calling code and national
/// number), so once a number's first d digits start no longer key, those d digits decide both answers for every
/// number of the same type and length. The library does not publish its keys: they are read from its maps by
/// reflection, and when that fails (another version of the library) no prefix is ever known to decide, so every
/// number is asked of the library: slower, never wrong.
/// </summary>
public sealed class MappingKeyLengths
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    private static readonly List<string>? _timeZoneKeys = TimeZoneKeys();

    // A trie of the keys' proper prefixes: walked digit by digit, without hashing or allocating, on every row.
    private readonly Node _root = new();

    /// <summary>False when the keys could not be read.</summary>
    public bool Known { get; }

    private MappingKeyLengths(HashSet<string>? extended)
    {
        Known = extended is not null;
        foreach (var prefix in extended ?? [])
        {
            var node = _root;
            foreach (var digit in prefix)
            {
                node.Children ??= new Node?[10];
                node = node.Children[digit - '0'] ??= new Node();
            }
            node.Extended = true;
        }
    }

    public static MappingKeyLengths For(int countryCode)
    {
        var code = countryCode.ToString(CultureInfo.InvariantCulture);
        if (_timeZoneKeys is null || CarrierKeys(countryCode) is not { } carrierKeys)
            return new MappingKeyLengths(null);
        var extended = new HashSet<string>(StringComparer.Ordinal);
        // Calling codes are prefix-free, so a key of this code starts with it and with no other code.
        foreach (var key in carrierKeys.Concat(_timeZoneKeys.Where(k => k.StartsWith(code, StringComparison.Ordinal))))
            for (var length = 1; length < key.Length; length++)
                extended.Add(key[..length]);
        return new MappingKeyLengths(extended);
    }

    /// <returns>How many leading digits decide both maps' answers for <paramref name="digits"/>.</returns>
    public int DecidingDigits(ReadOnlySpan<char> digits)
    {
        if (!Known)
            return digits.Length;
        var node = _root;
        var length = 1;
        while (length < digits.Length && node.Children?[digits[length - 1] - '0'] is { Extended: true } next)
        {
            node = next;
            length++;
        }
        return length;
    }

    private sealed class Node
    {
        public bool Extended;
        public Node?[]? Children;
    }

    private static List<string>? CarrierKeys(int countryCode)
    {
        try
        {
            var reader = typeof(PhoneNumberToCarrierMapper).GetField("prefixFileReader", Members)!
                .GetValue(PhoneNumberToCarrierMapper.GetInstance())!;
            var map = reader.GetType().GetMethod("GetPhonePrefixDescriptions", Members)!
                .Invoke(reader, [countryCode, "en", "", ""]);
            if (map is null)
                return []; // No carrier is known under this code.
            var storage = typeof(AreaCodeMap).GetField("areaCodeMapStorage", Members)!.GetValue(map)!;
            var count = (int)storage.GetType().GetMethod("GetNumOfEntries", Members)!.Invoke(storage, null)!;
            var prefix = storage.GetType().GetMethod("GetPrefix", Members)!;
            var keys = new List<string>(count);
            for (var i = 0; i < count; i++)
                keys.Add(Convert.ToInt64(prefix.Invoke(storage, [i]), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            return keys;
        }
        catch (Exception e) when (e is NullReferenceException or InvalidCastException or TargetInvocationException
            or MemberAccessException or TargetParameterCountException or ArgumentException)
        {
            return null;
        }
    }

    private static List<string>? TimeZoneKeys()
    {
        try
        {
            var map = (FrozenDictionary<long, string[]>)typeof(PhoneNumberToTimeZonesMapper).GetField("map", Members)!
                .GetValue(PhoneNumberToTimeZonesMapper.GetInstance())!;
            return [.. map.Keys.Select(k => k.ToString(CultureInfo.InvariantCulture))];
        }
        catch (Exception e) when (e is NullReferenceException or InvalidCastException or MemberAccessException)
        {
            return null;
        }
    }
}
