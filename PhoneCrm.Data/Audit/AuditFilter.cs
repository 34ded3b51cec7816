namespace PhoneCrm.Data.Audit;

public sealed record AuditFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Actor = null,
    string? EntityType = null,
    string? Action = null);
