using PhoneCrm.Core.Sftp;
using Renci.SshNet;
using ConnectionInfo = Renci.SshNet.ConnectionInfo;

namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>
/// Asks a server which host keys it has, so an administrator can compare a fingerprint with the supplier and pin
/// it. One key exchange per key type the library knows, each ended as soon as the server has shown its key:
/// no user name worth the name and no credential is ever sent.
/// </summary>
public sealed class HostKeyScanner(SftpTransportOptions options)
{
    /// <summary>Sent only to open the connection, which ends before any login.</summary>
    private const string NoUser = "phonecrm-keyscan";

    public async Task<IReadOnlyList<HostKey>> ScanAsync(string host, int port, CancellationToken ct)
    {
        if (host.Length == 0 || host.StartsWith('-') || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new ArgumentException($"\"{host}\" is not a host name or IP address.", nameof(host));
        var keyTypes = new ConnectionInfo(host, port, NoUser, new NoneAuthenticationMethod(NoUser)).HostKeyAlgorithms.Keys
            .Select(SshLogin.KeyTypeOf).OfType<string>().Distinct().ToList();
        var attempts = keyTypes.Select(type => KeyOfTypeAsync(host, port, type, ct)).ToList();
        var results = await Task.WhenAll(attempts);
        var keys = results.Select(r => r.Key).OfType<HostKey>().Distinct().ToList();
        if (keys.Count == 0)
        {
            var reason = results.Select(r => r.Error).OfType<Exception>().FirstOrDefault()?.Message ?? "no key was shown";
            throw new SftpTransportException(SftpFailureKind.Connection,
                $"No SSH server answered on {host}:{port} within {options.ConnectTimeoutSeconds} s ({reason.TrimEnd('.')}).", reason);
        }
        return keys;
    }

    private async Task<(HostKey? Key, Exception? Error)> KeyOfTypeAsync(string host, int port, string keyType, CancellationToken ct)
    {
        var info = new ConnectionInfo(host, port, NoUser, new NoneAuthenticationMethod(NoUser)) { Timeout = options.ConnectTimeout };
        SshLogin.OnlyAlgorithmsOf(info, keyType);
        HostKey? shown = null;
        using var client = new SshClient(info);
        client.HostKeyReceived += (_, e) =>
        {
            shown = e.Certificate is null ? HostKey.FromBlob(e.HostKey) : null;
            e.CanTrust = false; // Ends the connection here, before authentication.
        };
        try
        {
            await client.ConnectAsync(ct);
            return (shown, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A server without a key of this type ends the key exchange; one that refused is expected too.
            return (shown, shown is null ? e : null);
        }
    }
}
