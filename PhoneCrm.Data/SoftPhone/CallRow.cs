using PhoneCrm.Core.SoftPhone;

namespace PhoneCrm.Data.SoftPhone;

/// <summary>A stored call event as the number card's timeline and the Unmatched calls page show it.</summary>
public sealed record CallRow(
    long Id, DateTimeOffset ReceivedAt, string EventId, CallEventType Type, CallDirection Direction, string RawPhone,
    string? Phone, string? Operator, long? ProjectId, DateTimeOffset StartedAt, int DurationSeconds, string? Result,
    string? RecordingUrl);
