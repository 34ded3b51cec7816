namespace PhoneCrm.Data.SoftPhone;

/// <summary>Stored call events waiting to be linked to numbers: how many, and when the oldest was received (null: none).</summary>
public readonly record struct CallLinkBacklog(long Waiting, DateTimeOffset? OldestReceivedAt);
