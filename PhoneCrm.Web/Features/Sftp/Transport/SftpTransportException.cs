using PhoneCrm.Core.Sftp;

namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>An SFTP operation failed. The message is written for an administrator; <see cref="Detail"/> is what the
/// SSH library or the server said, with the password and key removed, for the pull log.</summary>
public sealed class SftpTransportException(SftpFailureKind kind, string message, string detail = "", Exception? inner = null)
    : Exception(message, inner)
{
    public SftpFailureKind Kind { get; } = kind;

    public string Detail { get; } = detail;

    /// <summary>The key the server showed instead of the pinned one, for a <see cref="SftpFailureKind.HostKeyMismatch"/>.</summary>
    public HostKey? PresentedHostKey { get; init; }
}
