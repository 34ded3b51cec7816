namespace PhoneCrm.Core.Audit;

/// <summary>Who did something and from where, as the audit log records it.</summary>
public sealed record AuditActor(string Name, string? UserId, string? IpAddress, string? UserAgent)
{
    public static AuditActor System(string jobName) => new($"system:{jobName}", null, null, null);
}
