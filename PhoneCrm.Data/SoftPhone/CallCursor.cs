namespace PhoneCrm.Data.SoftPhone;

/// <summary>The (received_at, id) of a call event: the keyset position a page starts after.</summary>
public sealed record CallCursor(DateTimeOffset ReceivedAt, long Id);
