namespace PhoneCrm.Core.Numbers;

/// <summary>
/// What libphonenumber made of one text: the result as the normaliser reports it, and for a parsed number its
/// calling code and national significant number, which <see cref="PhoneReadCache"/> learns from.
/// </summary>
/// <param name="UnknownCallingCode">
/// The library found no calling code after the '+' (or after an international prefix), which the cache learns apart.
/// </param>
internal readonly record struct LibraryReading(PhoneParseResult Result, int CountryCode, string? NationalNumber, bool UnknownCallingCode);
