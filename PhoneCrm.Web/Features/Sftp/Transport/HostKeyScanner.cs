using System.Globalization;
using PhoneCrm.Core.Sftp;

namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>
/// Asks a server which host keys it has (ssh-keyscan), so an administrator can compare a fingerprint with the
/// supplier and pin it. Only the key exchange happens: no user name or credential is ever sent.
/// </summary>
public sealed class HostKeyScanner(SftpTransportOptions options)
{
    public async Task<IReadOnlyList<HostKey>> ScanAsync(string host, int port, CancellationToken ct)
    {
        if (host.Length == 0 || host.StartsWith('-') || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new ArgumentException($"\"{host}\" is not a host name or IP address.", nameof(host));
        string[] arguments =
        [
            "-T", options.ConnectTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-t", "ed25519,ecdsa,rsa",
            host,
        ];
        var result = await OpenSshProcess.RunAsync(options.KeyscanPath, arguments, stdin: null,
            new Dictionary<string, string>(), options.OperationTimeout, text => text, ct);
        // Lines are "[host]:port type base64"; ssh-keyscan's own "# host:port SSH-2.0-..." comments go to stderr.
        var keys = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(HostKey.Parse)
            .Distinct()
            .ToList();
        if (keys.Count == 0)
        {
            throw new SftpTransportException(SftpFailureKind.Connection,
                $"No SSH server answered on {host}:{port} within {options.ConnectTimeoutSeconds} s.", result.StderrTail);
        }
        return keys;
    }
}
