using System.Text;
using Renci.SshNet;
using ConnectionInfo = Renci.SshNet.ConnectionInfo;
using Renci.SshNet.Common;

namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>
/// The SSH.NET connection settings for an endpoint: its credential as authentication methods, read from memory
/// (no key file, no helper process), and only the host key algorithms of the pinned key's type, so that the
/// server shows the key that was pinned and not another of its keys.
/// </summary>
internal static class SshLogin
{
    public static ConnectionInfo For(SftpEndpoint endpoint, SftpTransportOptions options)
    {
        var info = new ConnectionInfo(endpoint.Host, endpoint.Port, endpoint.UserName, AuthenticationFor(endpoint))
        {
            Timeout = options.ConnectTimeout,
        };
        OnlyAlgorithmsOf(info, endpoint.PinnedHostKey.Type);
        return info;
    }

    /// <summary>Keeps the host key algorithms that verify with a key of this type (RSA keys sign with three).</summary>
    public static void OnlyAlgorithmsOf(ConnectionInfo info, string keyType)
    {
        foreach (var algorithm in info.HostKeyAlgorithms.Keys.ToList())
        {
            if (KeyTypeOf(algorithm) != keyType)
                info.HostKeyAlgorithms.Remove(algorithm);
        }
    }

    /// <summary>The key type a host key algorithm uses; null for certificates, which are never pinned.</summary>
    public static string? KeyTypeOf(string algorithm) => algorithm switch
    {
        _ when algorithm.Contains("-cert-", StringComparison.Ordinal) => null,
        "rsa-sha2-256" or "rsa-sha2-512" => "ssh-rsa",
        _ => algorithm,
    };

    private static AuthenticationMethod[] AuthenticationFor(SftpEndpoint endpoint)
    {
        switch (endpoint.Credential)
        {
            case SftpCredential.Password password:
                // Servers that check passwords through PAM ask for them as keyboard-interactive prompts.
                var interactive = new KeyboardInteractiveAuthenticationMethod(endpoint.UserName);
                interactive.AuthenticationPrompt += (_, e) =>
                {
                    foreach (var prompt in e.Prompts)
                        prompt.Response = password.Value;
                };
                return [new PasswordAuthenticationMethod(endpoint.UserName, password.Value), interactive];
            case SftpCredential.PrivateKey key:
                return [new PrivateKeyAuthenticationMethod(endpoint.UserName, ReadKey(key))];
            default:
                throw new ArgumentOutOfRangeException(nameof(endpoint), "Unknown credential kind.");
        }
    }

    /// <summary>Reads a pasted key, or says in plain words why it cannot: the messages name no secret.</summary>
    public static PrivateKeyFile ReadKey(SftpCredential.PrivateKey key)
    {
        using var pem = new MemoryStream(Encoding.UTF8.GetBytes(key.Pem.Trim().ReplaceLineEndings("\n") + "\n"));
        try
        {
            return new PrivateKeyFile(pem, string.IsNullOrEmpty(key.Passphrase) ? null : key.Passphrase);
        }
        catch (SshPassPhraseNullOrEmptyException e)
        {
            throw new SftpTransportException(SftpFailureKind.Authentication,
                "The private key is encrypted: enter its passphrase in the host's settings.", e.Message, e);
        }
        catch (Exception e) when (e is SshException or FormatException or ArgumentException or InvalidOperationException
                                       or NotSupportedException or System.Security.Cryptography.CryptographicException)
        {
            var message = string.IsNullOrEmpty(key.Passphrase)
                ? "The private key could not be read: paste a whole OpenSSH or PEM key (ed25519, ECDSA or RSA)."
                : "The private key could not be opened: the passphrase is wrong, or the text is not a whole OpenSSH or PEM key.";
            throw new SftpTransportException(SftpFailureKind.Authentication, message, e.GetType().Name, e);
        }
    }
}
