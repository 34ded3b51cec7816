using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PhoneCrm.Web.Setup;

/// <summary>
/// The certificates that encrypt the Data Protection key ring at rest (see
/// <see cref="PhoneCrm.Data.DataProtection.DataProtectionSetup"/>): PKCS#12 files kept outside the database on purpose
/// (a mounted secret), so a database copy alone opens nothing.
/// <list type="bullet">
/// <item>Crm:DataProtection:CertificatePath and CertificatePassword: the one new keys are encrypted to.</item>
/// <item>Crm:DataProtection:PreviousCertificates:N:Path and :Password: ones replaced since, still needed to read the
/// keys they encrypted.</item>
/// </list>
/// </summary>
public sealed record KeyEncryptionCertificate(X509Certificate2 Current, IReadOnlyList<X509Certificate2> Previous)
{
    public const string PathKey = "Crm:DataProtection:CertificatePath";
    public const string PasswordKey = "Crm:DataProtection:CertificatePassword";
    public const string PreviousKey = "Crm:DataProtection:PreviousCertificates";

    /// <summary>The configured certificates, or null when none is configured. One that cannot be used stops the start.</summary>
    public static KeyEncryptionCertificate? Load(IConfiguration configuration)
    {
        var current = configuration[PathKey];
        if (string.IsNullOrWhiteSpace(current))
            return null;
        var previous = configuration.GetSection(PreviousKey).GetChildren()
            .Select(child => Open(child["Path"], child["Password"], $"{PreviousKey}:{child.Key}:Path", $"{PreviousKey}:{child.Key}:Password"))
            .ToList();
        return new(Open(current, configuration[PasswordKey], PathKey, PasswordKey), previous);
    }

    private static X509Certificate2 Open(string? path, string? password, string pathSetting, string passwordSetting)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
            throw new InvalidOperationException($"{pathSetting} names {path}, which does not exist.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            // The message never includes the password.
            throw new InvalidOperationException($"{pathSetting} ({path}) could not be opened: {e.Message} Check {passwordSetting}.", e);
        }
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"{pathSetting} ({path}) has no private key, so the key ring could not be read back.");
        return certificate;
    }
}
