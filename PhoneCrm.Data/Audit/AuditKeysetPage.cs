using PhoneCrm.Core.Audit;

namespace PhoneCrm.Data.Audit;

/// <param name="Rows">Newest first.</param>
/// <param name="HasOlder">More rows exist after the last one.</param>
/// <param name="HasNewer">More rows exist before the first one.</param>
public sealed record AuditKeysetPage(IReadOnlyList<AuditEntry> Rows, bool HasOlder, bool HasNewer);
