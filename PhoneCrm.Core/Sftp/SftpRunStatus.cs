namespace PhoneCrm.Core.Sftp;

/// <summary>How a pull ended; stored as text in sftp_runs.status.</summary>
public static class SftpRunStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";

    /// <summary>The run went through, but at least one file could not be imported.</summary>
    public const string PartlyFailed = "partly_failed";

    /// <summary>The run itself failed (connection, host key, login): nothing after the failure was done.</summary>
    public const string Failed = "failed";
    public const string Interrupted = "interrupted";
}
