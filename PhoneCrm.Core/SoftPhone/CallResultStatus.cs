using PhoneCrm.Core.Numbers;

namespace PhoneCrm.Core.SoftPhone;

/// <summary>A call result (SoftPhone's disposition, lower case) and the status it gives the called number.</summary>
public sealed class CallResultStatus
{
    public string Result { get; set; } = "";
    public NumberStatus Status { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
