namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>How the CRM logs in to a supplier's SFTP server. ToString never shows the secret, so a credential
/// that lands in a log line or an exception message by accident leaks nothing.</summary>
public abstract record SftpCredential
{
    private SftpCredential()
    {
    }

    /// <summary>The secret text, for the transport only.</summary>
    internal abstract string Secret { get; }

    public sealed record Password(string Value) : SftpCredential
    {
        internal override string Secret => Value;

        public override string ToString() => "Password(***)";
    }

    /// <summary>An unencrypted OpenSSH or PEM private key, as pasted by an administrator.</summary>
    public sealed record PrivateKey(string Pem) : SftpCredential
    {
        internal override string Secret => Pem;

        public override string ToString() => "PrivateKey(***)";
    }
}
