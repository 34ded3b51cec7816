using PhoneCrm.Data.Sftp;

namespace PhoneCrm.Web.Features.Sftp;

/// <summary>How a pull ended. <see cref="RunId"/> is null when it did not start (another pull of the host was running).</summary>
public sealed record SftpPullResult(long? RunId, string Status, SftpRunTotals Totals, string? Error)
{
    public static SftpPullResult AlreadyRunning { get; } =
        new(null, "already_running", new SftpRunTotals(), "Another pull of this host is running.");
}
