namespace PhoneCrm.Core.Numbers;

/// <summary>One row of the country calling code table in <see cref="CallingCodes"/>.</summary>
/// <param name="Code">The ITU country calling code without '+', e.g. "375".</param>
/// <param name="Iso2">ISO 3166 alpha-2 of the country reported for numbers under this code.</param>
/// <param name="MinNsn">
/// Shortest national significant number (the digits after the code) of a fixed or mobile line. Short service
/// numbers are left out on purpose: lengths decide whether "7912…" is "+7 912…" or a bare national number.
/// </param>
/// <param name="MaxNsn">Longest national significant number of a fixed or mobile line.</param>
/// <param name="Trunk">
/// National trunk prefixes dialled before the national number inside the country ("8" in Russia, "0" in the UK),
/// '|'-separated, longest first; null where there is none.
/// </param>
/// <param name="IntlPrefix">The international call prefix when it is not "00" ("810" in Russia, "011" in the NANP).</param>
/// <param name="NextDigits">
/// Only for a code shared by countries that split it by the next digit (+7): the first digits of the national
/// number that belong to this row. Kazakhstan holds +76 and +77, Russia the rest.
/// </param>
public sealed record CallingCode(
    string Code,
    string Iso2,
    int MinNsn,
    int MaxNsn,
    string? Trunk = null,
    string? IntlPrefix = null,
    string? NextDigits = null);
