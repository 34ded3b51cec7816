namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>
/// Turns sftp's exit code and stderr into a failure an administrator can act on. sftp exits 1 when a batch
/// command failed and 255 when ssh could not connect, log in or trust the host; stderr tells which of those.
/// "Permission denied" counts as a login failure only with 255: with 1 it is a remote file's permission.
/// </summary>
internal static class SftpFailureClassifier
{
    private static readonly string[] _hostKeySigns =
    [
        "REMOTE HOST IDENTIFICATION HAS CHANGED",
        "Host key verification failed",
        "no matching host key type found",
        "No ED25519 host key is known",
        "No ECDSA host key is known",
        "No RSA host key is known",
    ];

    private static readonly string[] _authenticationSigns =
    [
        "Permission denied (",
        "Too many authentication failures",
        "Authentication failed",
        "Load key",
        "invalid format",
    ];

    private static readonly string[] _connectionSigns =
    [
        "Connection refused",
        "Connection timed out",
        "Could not resolve hostname",
        "No route to host",
        "Network is unreachable",
        "Connection closed",
        "Connection reset",
        "Broken pipe",
        "Timeout, server",
        "kex_exchange_identification",
        "Couldn't read packet",
    ];

    public static SftpTransportException Classify(int exitCode, string stderr, SftpEndpoint endpoint, string operation)
    {
        var server = $"{endpoint.Host}:{endpoint.Port}";
        var detail = LastMeaningfulLine(stderr);
        if (ContainsAny(stderr, _hostKeySigns))
        {
            return new SftpTransportException(SftpFailureKind.HostKeyMismatch,
                $"The SFTP server {server} did not present the pinned host key {endpoint.PinnedHostKey.Type} " +
                $"{endpoint.PinnedHostKey.Fingerprint}. If the supplier changed its server key, confirm the new " +
                "fingerprint with them and pin it again; otherwise someone may be intercepting the connection.",
                stderr);
        }
        if (exitCode != 1 && ContainsAny(stderr, _authenticationSigns))
        {
            var what = endpoint.Credential is SftpCredential.Password ? "password" : "private key";
            return new SftpTransportException(SftpFailureKind.Authentication,
                $"The SFTP server {server} refused the login of user \"{endpoint.UserName}\" with the configured {what}.",
                stderr);
        }
        if (ContainsAny(stderr, _connectionSigns) || exitCode != 1)
        {
            return new SftpTransportException(SftpFailureKind.Connection,
                $"Could not {operation}: the connection to the SFTP server {server} failed ({detail}).", stderr);
        }
        return new SftpTransportException(SftpFailureKind.Command, $"Could not {operation} on {server}: {detail}.", stderr);
    }

    private static bool ContainsAny(string text, string[] signs) =>
        signs.Any(sign => text.Contains(sign, StringComparison.OrdinalIgnoreCase));

    private static string LastMeaningfulLine(string stderr)
    {
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => !l.StartsWith("Warning:", StringComparison.Ordinal));
        return string.IsNullOrEmpty(line) ? "no error message" : line.TrimEnd('.');
    }
}
