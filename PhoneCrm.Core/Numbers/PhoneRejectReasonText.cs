namespace PhoneCrm.Core.Numbers;

/// <summary>Short English texts for the rejected-rows report, which is a file and not localised like the UI.</summary>
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
        _ => reason.ToString(),
    };
}
