using PhoneCrm.Core.SoftPhone;

namespace PhoneCrm.Data.SoftPhone;

/// <summary>What a live toast shows about one call event and one of the numbers it is linked to.</summary>
public sealed record CallToast(
    long CallEventId, DateTimeOffset ReceivedAt, CallEventType Type, string Phone,
    long ProjectId, string ProjectName, long NumberId, string? SupplierName);
