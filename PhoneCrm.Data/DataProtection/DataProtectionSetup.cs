using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace PhoneCrm.Data.DataProtection;

public static class DataProtectionSetup
{
    /// <summary>
    /// One key ring for all instances, kept in PostgreSQL, so a cookie from one instance is valid on every other
    /// and a secret encrypted by one is readable by all. Tools that write protected values use it too.
    /// <para>
    /// With <paramref name="keyEncryptionCertificate"/> the keys themselves are stored encrypted to that certificate,
    /// so a copy of the database (a dump, a backup) no longer opens the secrets it holds: the certificate's private key
    /// lives outside the database. Without it, keys are stored as plain XML (fine for development and tests). Keys
    /// written before a certificate was configured stay readable.
    /// </para>
    /// </summary>
    public static IServiceCollection AddCrmDataProtection(
        this IServiceCollection services, NpgsqlDataSource dataSource, X509Certificate2? keyEncryptionCertificate = null)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("PhoneCrm");
        if (keyEncryptionCertificate is not null)
        {
            // Unprotect names the certificate explicitly: on Linux there is no machine certificate store to find it in.
            dataProtection.ProtectKeysWithCertificate(keyEncryptionCertificate)
                .UnprotectKeysWithAnyCertificate(keyEncryptionCertificate);
        }
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new PostgresXmlRepository(dataSource));
        return services;
    }
}
