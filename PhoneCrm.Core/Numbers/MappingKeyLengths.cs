using System.Collections;
using System.Collections.Frozen;
using System.Reflection;
using PhoneNumbers;

namespace PhoneCrm.Core.Numbers;

/// <summary>
/// The longest key, in digits of calling code and national number, of the library's English carrier map of a
/// calling code and of its time-zone map. Both are prefix tables looked up by the longest key that starts the
/// number, so two numbers of the same type and length that share this many leading digits get the same answers.
/// The library does not publish these lengths: they are read from its maps by reflection, and when that fails
/// (another version of the library), the answer is <see cref="int.MaxValue"/>, so nothing is shared and every
/// number is asked of the library: slower, never wrong.
/// </summary>
public static class MappingKeyLengths
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    private static readonly int _timeZones = TimeZoneKeyDigits();

    public static int For(int countryCode)
    {
        var carrier = CarrierKeyDigits(countryCode);
        return carrier == int.MaxValue || _timeZones == int.MaxValue ? int.MaxValue : Math.Max(carrier, _timeZones);
    }

    private static int CarrierKeyDigits(int countryCode)
    {
        try
        {
            var reader = typeof(PhoneNumberToCarrierMapper).GetField("prefixFileReader", Members)!
                .GetValue(PhoneNumberToCarrierMapper.GetInstance())!;
            var map = reader.GetType().GetMethod("GetPhonePrefixDescriptions", Members)!
                .Invoke(reader, [countryCode, "en", "", ""]);
            if (map is null)
                return 0; // No carrier is known under this code.
            var storage = typeof(AreaCodeMap).GetField("areaCodeMapStorage", Members)!.GetValue(map)!;
            var lengths = (IEnumerable)storage.GetType().GetMethod("GetPossibleLengths", Members)!.Invoke(storage, null)!;
            return lengths.Cast<int>().DefaultIfEmpty(0).Max();
        }
        catch (Exception e) when (e is NullReferenceException or InvalidCastException or TargetInvocationException or MemberAccessException)
        {
            return int.MaxValue;
        }
    }

    private static int TimeZoneKeyDigits()
    {
        try
        {
            var map = (FrozenDictionary<long, string[]>)typeof(PhoneNumberToTimeZonesMapper).GetField("map", Members)!
                .GetValue(PhoneNumberToTimeZonesMapper.GetInstance())!;
            return map.Keys.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture).Length).DefaultIfEmpty(0).Max();
        }
        catch (Exception e) when (e is NullReferenceException or InvalidCastException or MemberAccessException)
        {
            return int.MaxValue;
        }
    }
}
