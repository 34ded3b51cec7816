using System.Net.Sockets;
using Renci.SshNet.Common;

namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>Turns what SSH.NET threw into a failure an administrator can act on, with the library's own words as the detail.</summary>
internal static class SftpFailures
{
    public static SftpTransportException Classify(Exception e, SftpEndpoint endpoint, string operation, PinnedHostKeyCheck check,
        bool connected)
    {
        var server = $"{endpoint.Host}:{endpoint.Port}";
        var detail = SecretScrubber.Scrub(Describe(e), endpoint.Credential);
        var pinned = endpoint.PinnedHostKey;
        switch (e)
        {
            case SftpTransportException known:
                return known;
            case SshConnectionException when check.Refused:
                return new SftpTransportException(SftpFailureKind.HostKeyMismatch,
                    $"The SFTP server {server} did not present the pinned host key {pinned.Type} {pinned.Fingerprint}. " +
                    "If the supplier changed its server key, confirm the new fingerprint with them and pin it again; " +
                    "otherwise someone may be intercepting the connection.",
                    check.Presented is { } shown ? $"The server presented {shown.Type} {shown.Fingerprint}." : detail, e)
                {
                    PresentedHostKey = check.Presented,
                };
            case SshConnectionException when check.Presented is null && !connected
                                              && e.Message.Contains("host key", StringComparison.OrdinalIgnoreCase):
                return new SftpTransportException(SftpFailureKind.HostKeyMismatch,
                    $"The SFTP server {server} has no {pinned.Type} host key, the type of the pinned key {pinned.Fingerprint}. " +
                    "Use Test connection to see the keys it has, and confirm one with the supplier.", detail, e);
            case SshAuthenticationException:
                var what = endpoint.Credential is SftpCredential.Password ? "password" : "private key";
                return new SftpTransportException(SftpFailureKind.Authentication,
                    $"The SFTP server {server} refused the login of user \"{endpoint.UserName}\" with the configured {what}.", detail, e);
            case SftpPathNotFoundException:
                return new SftpTransportException(SftpFailureKind.Command,
                    $"Could not {operation} on {server}: the remote file or folder was not found.", detail, e);
            case SftpPermissionDeniedException:
                return new SftpTransportException(SftpFailureKind.Command,
                    $"Could not {operation} on {server}: the server denied permission.", detail, e);
            case SocketException or SshConnectionException or SshOperationTimeoutException or ProxyException:
            case IOException or ObjectDisposedException when !connected:
                return new SftpTransportException(SftpFailureKind.Connection,
                    $"Could not {operation}: the connection to the SFTP server {server} failed ({detail.TrimEnd('.')}).", detail, e);
            default:
                return new SftpTransportException(SftpFailureKind.Command,
                    $"Could not {operation} on {server}: {detail.TrimEnd('.')}.", detail, e);
        }
    }

    public static SftpTransportException TimedOut(SftpEndpoint endpoint, string operation, SftpTransportOptions options) =>
        new(SftpFailureKind.Timeout,
            $"Could not {operation} on {endpoint.Host}:{endpoint.Port} within {options.OperationTimeoutMinutes} min (Crm:Sftp:OperationTimeoutMinutes).");

    private static string Describe(Exception e) => e switch
    {
        SocketException socket => $"{socket.Message} ({socket.SocketErrorCode})",
        _ when string.IsNullOrWhiteSpace(e.Message) => e.GetType().Name,
        _ => e.Message,
    };
}
