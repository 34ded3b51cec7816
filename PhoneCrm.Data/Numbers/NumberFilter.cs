using PhoneCrm.Core.Numbers;

namespace PhoneCrm.Data.Numbers;

/// <param name="PhonePrefix">Digits the E.164 phone starts with, with or without the leading '+'.</param>
/// <param name="Country">The library's region of the number ("RU", "001"), as stored in numbers.country.</param>
/// <param name="NumberType">One of <see cref="NumberTypeCodes"/>.</param>
/// <param name="Operator">The carrier's English name, as stored.</param>
public sealed record NumberFilter(
    long ProjectId,
    NumberStatus? Status = null,
    long? SupplierId = null,
    long? GeoId = null,
    string? PhonePrefix = null,
    string? Country = null,
    string? NumberType = null,
    string? Operator = null)
{
    /// <summary>Whether a condition is set that the maintained counters do not count by.</summary>
    public bool NeedsCappedCount => NormalizedPrefix is not null || !string.IsNullOrEmpty(Country)
        || !string.IsNullOrEmpty(NumberType) || !string.IsNullOrEmpty(Operator);

    /// <summary>The prefix as stored ("+7912"), or null when there is none worth filtering on.</summary>
    public string? NormalizedPrefix
    {
        get
        {
            var digits = new string((PhonePrefix ?? "").Where(char.IsAsciiDigit).ToArray());
            return digits.Length == 0 ? null : "+" + digits;
        }
    }
}
