namespace PhoneCrm.Core.SoftPhone;

/// <summary>One call event as SoftPhone sent it, validated; Phone is the E.164 form, null when RawPhone is not a phone number.</summary>
public sealed record CallEvent(
    string EventId,
    CallEventType Type,
    CallDirection Direction,
    string RawPhone,
    string? Phone,
    string? Operator,
    long? ProjectId,
    DateTimeOffset StartedAt,
    int DurationSeconds,
    string? Result,
    string? RecordingUrl);
