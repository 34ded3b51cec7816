using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PhoneCrm.Web.Setup;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest (see
/// <see cref="PhoneCrm.Data.DataProtection.DataProtectionSetup"/>): a PKCS#12 file named by
/// Crm:DataProtection:CertificatePath, with its password in Crm:DataProtection:CertificatePassword. Kept outside the
/// database on purpose (a mounted secret), so a database copy alone opens nothing.
/// </summary>
public static class KeyEncryptionCertificate
{
    public const string PathKey = "Crm:DataProtection:CertificatePath";
    public const string PasswordKey = "Crm:DataProtection:CertificatePassword";

    /// <summary>The configured certificate, or null when none is configured. A configured one that cannot be used stops the start.</summary>
    public static X509Certificate2? Load(IConfiguration configuration)
    {
        var path = configuration[PathKey];
        if (string.IsNullOrWhiteSpace(path))
            return null;
        if (!File.Exists(path))
            throw new InvalidOperationException($"{PathKey} names {path}, which does not exist.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordKey], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            // The message never includes the password.
            throw new InvalidOperationException($"{PathKey} ({path}) could not be opened: {e.Message} Check {PasswordKey}.", e);
        }
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{PathKey} ({path}) has no private key, so the key ring could not be read back.");
        return certificate;
    }
}
