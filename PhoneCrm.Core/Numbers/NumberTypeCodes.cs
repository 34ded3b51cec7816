using PhoneNumbers;

namespace PhoneCrm.Core.Numbers;

/// <summary>
/// The short codes a number's type is stored and filtered by (numbers.number_type), one per libphonenumber type:
/// the column outlives the library's enum names, and the UI's titles are resources keyed by these codes.
/// </summary>
public static class NumberTypeCodes
{
    public const string Mobile = "mobile";
    public const string FixedLine = "fixed_line";
    public const string FixedLineOrMobile = "fixed_line_or_mobile";
    public const string TollFree = "toll_free";
    public const string PremiumRate = "premium_rate";
    public const string SharedCost = "shared_cost";
    public const string Voip = "voip";
    public const string PersonalNumber = "personal_number";
    public const string Pager = "pager";
    public const string Uan = "uan";
    public const string Voicemail = "voicemail";
    public const string Unknown = "unknown";

    /// <summary>Every code, in the order the filter lists them.</summary>
    public static readonly IReadOnlyList<string> All =
        [Mobile, FixedLine, FixedLineOrMobile, TollFree, PremiumRate, SharedCost, Voip, PersonalNumber, Pager, Uan, Voicemail, Unknown];

    public static string Of(PhoneNumberType type) => type switch
    {
        PhoneNumberType.MOBILE => Mobile,
        PhoneNumberType.FIXED_LINE => FixedLine,
        PhoneNumberType.FIXED_LINE_OR_MOBILE => FixedLineOrMobile,
        PhoneNumberType.TOLL_FREE => TollFree,
        PhoneNumberType.PREMIUM_RATE => PremiumRate,
        PhoneNumberType.SHARED_COST => SharedCost,
        PhoneNumberType.VOIP => Voip,
        PhoneNumberType.PERSONAL_NUMBER => PersonalNumber,
        PhoneNumberType.PAGER => Pager,
        PhoneNumberType.UAN => Uan,
        PhoneNumberType.VOICEMAIL => Voicemail,
        _ => Unknown,
    };

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
}
