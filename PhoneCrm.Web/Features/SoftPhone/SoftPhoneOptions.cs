namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>Settings of the SoftPhone webhook, section <c>Crm:SoftPhone</c>.</summary>
public sealed class SoftPhoneOptions
{
    /// <summary>Bodies above this are refused with 413 before they are read; 1,000 events fit in a few hundred KB.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    public int MaxEventsPerRequest { get; set; } = 1000;

    /// <summary>How far a signature's timestamp may be from our clock, either way.</summary>
    public int SignatureToleranceSeconds { get; set; } = 300;

    /// <summary>The country for national-format phones in events that name no (known) project.</summary>
    public string DefaultCountry { get; set; } = "RU";

    /// <summary>Requests per window and sender address; more are answered 429.</summary>
    public int RateLimitPermits { get; set; } = 20_000;

    public int RateLimitWindowSeconds { get; set; } = 1;

    /// <summary>How long active secrets are kept decrypted in memory before they are read again.</summary>
    public int SecretCacheSeconds { get; set; } = 10;

    /// <summary>At most this many events from concurrent requests go to the database in one statement.</summary>
    public int GroupCommitMaxEvents { get; set; } = 1000;

    /// <summary>
    /// Statements storing events at the same time (each on its own connection). One by default: on two cores a
    /// second writer only halves the groups, and each statement has a fixed cost.
    /// </summary>
    public int GroupCommitWriters { get; set; } = 1;

    /// <summary>At most this many waiting events are linked to numbers in one statement (<see cref="CallEventLinker"/>).</summary>
    public int LinkMaxEvents { get; set; } = 2000;

    /// <summary>
    /// Past this many events waiting to be linked, the webhook answers 503 with Retry-After instead of storing more:
    /// SoftPhone sends them again a little later, and numbers stay seconds behind at worst, not minutes. Toasts do not
    /// wait for linking: they go out when events are stored.
    /// </summary>
    public int MaxLinkBacklog { get; set; } = 50_000;

    /// <summary>The Retry-After of those answers.</summary>
    public int BacklogRetryAfterSeconds { get; set; } = 2;

    /// <summary>How often the linker looks for waiting events it was not told about (another instance's, after a crash).</summary>
    public int LinkSweepSeconds { get; set; } = 2;

    /// <summary>The wait before the toast listener reconnects after losing its connection.</summary>
    public int ListenerReconnectSeconds { get; set; } = 1;
}
