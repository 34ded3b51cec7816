namespace PhoneCrm.Web.Features.Sftp.Transport;

public enum SftpFailureKind
{
    /// <summary>The server could not be reached, or the connection broke.</summary>
    Connection,

    /// <summary>The server presented a key other than the pinned one (or no key of the pinned type).</summary>
    HostKeyMismatch,

    /// <summary>The server refused the user name, password or private key.</summary>
    Authentication,

    /// <summary>Logged in, but a command failed: missing file or folder, no permission, disk full.</summary>
    Command,

    /// <summary>The operation ran past <see cref="SftpTransportOptions.OperationTimeoutMinutes"/>.</summary>
    Timeout,
}
