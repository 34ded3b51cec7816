namespace PhoneCrm.Data.Audit;

/// <summary>The (at, id) of a row: the keyset position a page starts after.</summary>
public sealed record AuditCursor(DateTimeOffset At, long Id);
