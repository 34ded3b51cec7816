namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>How the CRM logs in to a supplier's SFTP server. ToString never shows the secret, so a credential
/// that lands in a log line or an exception message by accident leaks nothing.</summary>
public abstract record SftpCredential
{
    private SftpCredential()
    {
    }

    /// <summary>The secret texts, for <see cref="SecretScrubber"/> only.</summary>
    internal abstract IEnumerable<string> Secrets { get; }

    public sealed record Password(string Value) : SftpCredential
    {
        internal override IEnumerable<string> Secrets => [Value];

        public override string ToString() => "Password(***)";
    }

    /// <summary>An OpenSSH or PEM private key (ed25519, ECDSA or RSA) as pasted by an administrator, and its
    /// passphrase when the key is encrypted. Both stay in memory: nothing is written to disk.</summary>
    public sealed record PrivateKey(string Pem, string? Passphrase = null) : SftpCredential
    {
        internal override IEnumerable<string> Secrets => Passphrase is { Length: > 0 } p ? [Pem, p] : [Pem];

        public override string ToString() => "PrivateKey(***)";
    }
}
