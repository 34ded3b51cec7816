namespace PhoneCrm.Core.Numbers;

/// <summary>Why <see cref="PhoneNormalizer"/> refused a value; each rejected import row carries one.</summary>
public enum PhoneRejectReason
{
    None = 0,

    /// <summary>Nothing phone-like: empty, whitespace, or punctuation without a single digit.</summary>
    Empty,

    /// <summary>
    /// A national number shorter than its country allows (a local number without its area code among them),
    /// or an Excel float that kept too few significant digits to still hold the whole number.
    /// </summary>
    TooShort,

    /// <summary>A national number longer than its country's lines, or more digits than any phone number has.</summary>
    TooLong,

    /// <summary>
    /// Not a phone number: any letter other than a leading "tel:" or an Excel float's exponent. Extensions ("ext. 12", "доб. 12")
    /// land here on purpose: a dialler cannot dial them, and dropping the text silently would file two
    /// people at one office under the same number.
    /// </summary>
    Letters,

    /// <summary>The digits after '+' (or an international prefix) start with no assigned country calling code.</summary>
    UnknownCallingCode,

    /// <summary>
    /// A length the country uses, but digits that its numbering plan gives to no line (libphonenumber's metadata):
    /// "+7 012 …", an unassigned area code.
    /// </summary>
    InvalidForCountry,
}
