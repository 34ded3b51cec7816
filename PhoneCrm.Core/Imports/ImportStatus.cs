namespace PhoneCrm.Core.Imports;

/// <summary>The life of an import batch; stored as text in import_batches.status.</summary>
public static class ImportStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Interrupted = "interrupted";
    public const string Reverted = "reverted";

    public static bool IsActive(string status) => status is Queued or Running;
}
