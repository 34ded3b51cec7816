namespace PhoneCrm.Core.Numbers;

/// <summary>
/// Short English texts stored for each rejected row: stable, whoever imported. The report gives them in its reader's
/// language (PhoneCrm.Web's RejectReport).
/// </summary>
public static class PhoneRejectReasonText
{
    public static string ToText(this PhoneRejectReason reason) => reason switch
    {
        PhoneRejectReason.None => "",
        PhoneRejectReason.Empty => "empty",
        PhoneRejectReason.TooShort => "too short",
        PhoneRejectReason.TooLong => "too long",
        PhoneRejectReason.Letters => "contains letters",
        PhoneRejectReason.UnknownCallingCode => "unknown country calling code",
        PhoneRejectReason.InvalidForCountry => "not valid for its country",
        _ => reason.ToString(),
    };
}
