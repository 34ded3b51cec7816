namespace PhoneCrm.Core.Numbers;

/// <summary>
/// The outcome of <see cref="PhoneNormalizer"/>. A struct, so that rejecting one of millions of
/// rows allocates nothing and accepting one allocates only the E.164 string.
/// </summary>
/// <param name="Ok">True when <paramref name="E164"/> and <paramref name="CountryIso2"/> are set.</param>
/// <param name="E164">'+' and up to 15 digits, e.g. "+79123456789".</param>
/// <param name="CountryIso2">
/// libphonenumber's region of the number: ISO 3166 alpha-2 ("RU", "KZ" for +7 7…, "CA" or "US" by the area code),
/// or "001" for the non-geographic codes (+800 freephone, +882 …).
/// </param>
/// <param name="NumberType">Its type as one of <see cref="NumberTypeCodes"/>: decided by the same patterns as its region, so
/// remembered with it.</param>
/// <param name="Reason">Why the value was refused; <see cref="PhoneRejectReason.None"/> when <paramref name="Ok"/>.</param>
public readonly record struct PhoneParseResult(bool Ok, string? E164, string? CountryIso2, PhoneRejectReason Reason,
    string? NumberType = null)
{
    public string ReasonText => Reason.ToText();

    internal static PhoneParseResult Accepted(string e164, string countryIso2, string numberType) =>
        new(true, e164, countryIso2, PhoneRejectReason.None, numberType);

    internal static PhoneParseResult Rejected(PhoneRejectReason reason) => new(false, null, null, reason);
}
