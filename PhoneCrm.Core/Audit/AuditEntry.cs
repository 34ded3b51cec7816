namespace PhoneCrm.Core.Audit;

/// <summary>One row of the append-only audit log.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The user's name, or "system:&lt;job&gt;" for background work.</summary>
    public string Actor { get; set; } = "";
    public string? UserId { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }

    /// <summary>JSON of the values before the change (null for creations and sign-ins).</summary>
    public string? OldValues { get; set; }

    /// <summary>JSON of the values after the change (null for deletions).</summary>
    public string? NewValues { get; set; }
}
