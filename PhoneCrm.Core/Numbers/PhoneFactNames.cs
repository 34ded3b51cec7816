using System.Globalization;
using PhoneNumbers;

namespace PhoneCrm.Core.Numbers;

/// <summary>
/// A stored number's operator and region in the user's language, asked of the library for the rows on screen
/// only: the database keeps the English names (one value to filter by, whatever the language of who imported).
/// The library's <see cref="Locale"/> has no Russian constant, but a Locale built from the culture's language and
/// country finds its Russian names.
/// </summary>
public static class PhoneFactNames
{
    private static readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();

    /// <returns>The carrier's name in <paramref name="culture"/>'s language, or <paramref name="english"/> when the
    /// library has none in it.</returns>
    public static string? Operator(string phone, string? english, CultureInfo culture) =>
        Translate(phone, english, culture, static (number, locale) =>
            PhoneNumbers.PhoneNumberToCarrierMapper.GetInstance().GetNameForNumber(number, locale));

    /// <summary>
    /// The geocoder's description in <paramref name="culture"/>'s language, asked for one number on its card: regions
    /// are not yet stored at import (issue 20, 2b), so this is the library's answer, or the country's name when
    /// it has no finer one; empty when it knows nothing.
    /// </summary>
    public static string Region(string phone, CultureInfo culture)
    {
        try
        {
            return PhoneNumberOfflineGeocoder.GetInstance().GetDescriptionForNumber(_util.Parse(phone, null), LocaleOf(culture));
        }
        catch (NumberParseException)
        {
            return "";
        }
    }

    private static Locale LocaleOf(CultureInfo culture) =>
        new(culture.TwoLetterISOLanguageName, culture.Name.Length >= 5 ? culture.Name[3..5] : culture.TwoLetterISOLanguageName.ToUpperInvariant());

    private static string? Translate(string phone, string? english, CultureInfo culture, Func<PhoneNumber, Locale, string> ask)
    {
        if (english is null || culture.TwoLetterISOLanguageName is "en" or "iv")
            return english;
        try
        {
            var name = ask(_util.Parse(phone, null), LocaleOf(culture));
            return string.IsNullOrEmpty(name) ? english : name;
        }
        catch (NumberParseException)
        {
            return english;
        }
    }
}
