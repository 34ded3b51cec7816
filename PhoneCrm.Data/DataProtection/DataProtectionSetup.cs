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
    /// With <paramref name="keyEncryptionCertificate"/> the keys made from then on are stored encrypted to that
    /// certificate, so a copy of the database (a dump, a backup) cannot open what they protect: the certificate's
    /// private key lives outside the database. Keys made before stay as they were (plain XML, as without a
    /// certificate, fine for development and tests) and readable; <paramref name="previousCertificates"/> keep the keys
    /// encrypted to a replaced certificate readable.
    /// </para>
    /// </summary>
    public static IServiceCollection AddCrmDataProtection(this IServiceCollection services, NpgsqlDataSource dataSource,
        X509Certificate2? keyEncryptionCertificate = null, IReadOnlyList<X509Certificate2>? previousCertificates = null)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("PhoneCrm");
        if (keyEncryptionCertificate is not null)
        {
            // Unprotect names the certificates explicitly: on Linux there is no machine certificate store to find them in.
            dataProtection.ProtectKeysWithCertificate(keyEncryptionCertificate)
                .UnprotectKeysWithAnyCertificate([keyEncryptionCertificate, .. previousCertificates ?? []]);
        }
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new PostgresXmlRepository(dataSource));
        return services;
    }
}
