using PhoneCrm.Core.SoftPhone;

namespace PhoneCrm.Data.SoftPhone;

/// <summary>What a live toast shows about one call event and one of the numbers it is about
/// (<c>call_event_numbers</c>, read when the event is stored, before it is linked).</summary>
public sealed record CallToast(
    long CallEventId, DateTimeOffset ReceivedAt, CallEventType Type, string Phone,
    long ProjectId, string ProjectName, long NumberId, string? SupplierName);
