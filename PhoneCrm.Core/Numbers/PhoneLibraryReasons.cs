using PhoneNumbers;

namespace PhoneCrm.Core.Numbers;

/// <summary>libphonenumber's ways of refusing a number, as the reasons an import reports.</summary>
internal static class PhoneLibraryReasons
{
    /// <summary>Why the library could not parse the digits at all.</summary>
    public static PhoneRejectReason Of(ErrorType error) => error switch
    {
        ErrorType.INVALID_COUNTRY_CODE => PhoneRejectReason.UnknownCallingCode,
        ErrorType.TOO_LONG => PhoneRejectReason.TooLong,
        // NOT_A_NUMBER only comes back for digits too few to be any number: the clean-up has seen digits.
        _ => PhoneRejectReason.TooShort,
    };

    /// <summary>Why a parsed number is not valid.</summary>
    public static PhoneRejectReason OfInvalid(PhoneNumberUtil util, PhoneNumber number) =>
        util.IsPossibleNumberWithReason(number) switch
        {
            PhoneNumberUtil.ValidationResult.TOO_SHORT => PhoneRejectReason.TooShort,
            // A local number: valid only with its area code in front.
            PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY => PhoneRejectReason.TooShort,
            PhoneNumberUtil.ValidationResult.TOO_LONG => PhoneRejectReason.TooLong,
            PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => PhoneRejectReason.UnknownCallingCode,
            // A possible length can still be one that only local numbers have ("+375 29 123 45").
            _ => OfLength(util, number),
        };

    /// <summary>
    /// A number of a possible length whose digits are no line's, or a length that no kind of number has there though
    /// it lies between the shortest and the longest (Russia has 14-digit freephone numbers, so an 11-digit mobile
    /// number is "invalid length" to the library). Lengths are measured against the country's fixed and mobile
    /// lines, which is how a person would call it too short or too long.
    /// </summary>
    private static PhoneRejectReason OfLength(PhoneNumberUtil util, PhoneNumber number)
    {
        var metadata = util.GetMetadataForRegion(util.GetRegionCodeForCountryCode(number.CountryCode));
        if (metadata is null)
            return PhoneRejectReason.InvalidForCountry;
        // -1 marks a kind the country does not have; no lengths of its own means the general ones.
        var lengths = metadata.FixedLine.PossibleLengthList.Concat(metadata.Mobile.PossibleLengthList).Where(l => l > 0).ToList();
        if (lengths.Count == 0)
            lengths = [.. metadata.GeneralDesc.PossibleLengthList];
        var length = util.GetNationalSignificantNumber(number).Length;
        if (lengths.Count == 0)
            return PhoneRejectReason.InvalidForCountry;
        if (length > lengths.Max())
            return PhoneRejectReason.TooLong;
        if (length < lengths.Min())
            return PhoneRejectReason.TooShort;
        return PhoneRejectReason.InvalidForCountry;
    }
}
