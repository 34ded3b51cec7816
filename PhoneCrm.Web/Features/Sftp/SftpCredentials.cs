using System.Text;
using Microsoft.AspNetCore.DataProtection;
using PhoneCrm.Core.Sftp;
using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Web.Features.Sftp;

/// <summary>
/// Encrypts host passwords and private keys with Data Protection (key ring in PostgreSQL, so every instance
/// can decrypt what any instance stored) and builds the endpoint a pull connects to.
/// </summary>
public sealed class SftpCredentials(IDataProtectionProvider protection)
{
    private IDataProtector Protector => protection.CreateProtector(SftpHost.ProtectionPurpose);

    public string Protect(string secret) => Convert.ToBase64String(Protector.Protect(Encoding.UTF8.GetBytes(secret)));

    public SftpEndpoint Endpoint(SftpHost host, HostKey pinnedKey)
    {
        var secret = Unprotect(host.ProtectedSecret);
        SftpCredential credential = host.AuthKind == SftpAuthKind.PrivateKey
            ? new SftpCredential.PrivateKey(secret, host.ProtectedPassphrase is { } passphrase ? Unprotect(passphrase) : null)
            : new SftpCredential.Password(secret);
        return new SftpEndpoint(host.Host, host.Port, host.UserName, credential, pinnedKey);
    }

    private string Unprotect(string protectedText) => Encoding.UTF8.GetString(Protector.Unprotect(Convert.FromBase64String(protectedText)));
}
