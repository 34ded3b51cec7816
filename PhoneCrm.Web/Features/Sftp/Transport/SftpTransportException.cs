namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>An SFTP operation failed. The message is written for an administrator; <see cref="Stderr"/> is the
/// tail of what ssh and sftp printed, with the password and key removed, for the pull log.</summary>
public sealed class SftpTransportException(SftpFailureKind kind, string message, string stderr = "", Exception? inner = null)
    : Exception(message, inner)
{
    public SftpFailureKind Kind { get; } = kind;

    public string Stderr { get; } = stderr;
}
