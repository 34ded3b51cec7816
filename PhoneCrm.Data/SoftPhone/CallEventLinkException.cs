namespace PhoneCrm.Data.SoftPhone;

/// <summary>A stored call event that cannot be linked because of its own data; it stays waiting.</summary>
public sealed class CallEventLinkException(long callEventId, Exception inner)
    : Exception($"Call event {callEventId} cannot be linked: {inner.Message}", inner)
{
    public long CallEventId { get; } = callEventId;
}
