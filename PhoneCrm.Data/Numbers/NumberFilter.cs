using PhoneCrm.Core.Numbers;

namespace PhoneCrm.Data.Numbers;

/// <param name="PhonePrefix">Digits the E.164 phone starts with, with or without the leading '+'.</param>
public sealed record NumberFilter(
    long ProjectId,
    NumberStatus? Status = null,
    long? SupplierId = null,
    long? GeoId = null,
    string? PhonePrefix = null)
{
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
