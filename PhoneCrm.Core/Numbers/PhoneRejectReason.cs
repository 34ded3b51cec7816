namespace PhoneCrm.Core.Numbers;

/// <summary>Why <see cref="PhoneNormalizer"/> refused a value; each rejected import row carries one.</summary>
public enum PhoneRejectReason
{
    None = 0,

    /// <summary>Nothing phone-like: empty, whitespace, or punctuation without a single digit.</summary>
    Empty,

    /// <summary>
    /// Fewer than 8 digits in E.164, a national number shorter than its country allows, or an Excel float
    /// that kept too few significant digits to still hold the whole number.
    /// </summary>
    TooShort,

    /// <summary>More than 15 digits in E.164 (ITU's limit) or a national number longer than its country allows.</summary>
    TooLong,

    /// <summary>
    /// Any letter other than a leading "tel:" or an Excel float's exponent. Extensions ("ext. 12", "доб. 12")
    /// land here on purpose: a dialler cannot dial them, and dropping the text silently would file two
    /// people at one office under the same number.
    /// </summary>
    Letters,

    /// <summary>The digits after '+' (or an international prefix) start with no assigned country calling code.</summary>
    UnknownCallingCode,
}
