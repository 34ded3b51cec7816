using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PhoneCrm.Data.DataProtection;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Setup;

namespace PhoneCrm.Tests.Web.Security;

/// <summary>The Data Protection key ring stored encrypted to a certificate kept outside the database.</summary>
public sealed class KeyRingEncryptionTests
{
    private const string Purpose = "KeyRingEncryptionTests";

    [Fact]
    public async Task Keys_are_stored_encrypted_and_only_a_holder_of_the_certificate_reads_what_they_protect()
    {
        await using var database = await TestDatabase.CreateAsync(nameof(KeyRingEncryptionTests));
        using var certificate = SelfSignedCertificate();

        var protectedText = Protector(database, certificate).Protect("sftp password");

        var keys = await StoredKeysAsync(database);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        // Another instance with the same certificate reads it; a copy of the database without it does not.
        Assert.Equal("sftp password", Protector(database, certificate).Unprotect(protectedText));
        Assert.ThrowsAny<CryptographicException>(() => Protector(database, null).Unprotect(protectedText));
    }

    [Fact]
    public async Task The_app_started_with_a_certificate_stores_its_keys_encrypted()
    {
        await using var database = await TestDatabase.CreateAsync(nameof(KeyRingEncryptionTests));
        using var certificate = SelfSignedCertificate();
        var folder = Directory.CreateTempSubdirectory("phonecrm-cert-");
        try
        {
            var path = Path.Combine(folder.FullName, "keys.pfx");
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pkcs12, "pfx-pass-1"));
            await using var app = await AppProcess.StartAsync(database.ConnectionString, AppFixture.AdminPassword,
                new Dictionary<string, string?>
                {
                    ["Crm__DataProtection__CertificatePath"] = path,
                    ["Crm__DataProtection__CertificatePassword"] = "pfx-pass-1",
                });
            using var client = app.CreateClient();

            // The login form's antiforgery token is the first thing that needs a key.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);

            var keys = await StoredKeysAsync(database);
            Assert.NotEmpty(keys);
            Assert.All(keys, xml => Assert.Contains("encryptedSecret", xml));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_configured_certificate_that_cannot_be_opened_stops_the_start_with_a_message_naming_the_setting()
    {
        using var certificate = SelfSignedCertificate();
        var folder = Directory.CreateTempSubdirectory("phonecrm-cert-");
        try
        {
            var path = Path.Combine(folder.FullName, "keys.pfx");
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "right-password"));

            var missing = Assert.Throws<InvalidOperationException>(() => KeyEncryptionCertificate.Load(
                Configuration(Path.Combine(folder.FullName, "absent.pfx"), null)));
            var wrongPassword = Assert.Throws<InvalidOperationException>(() => KeyEncryptionCertificate.Load(
                Configuration(path, "wrong-password")));

            Assert.Contains(KeyEncryptionCertificate.PathKey, missing.Message);
            Assert.Contains("does not exist", missing.Message);
            Assert.Contains(KeyEncryptionCertificate.PasswordKey, wrongPassword.Message);
            Assert.DoesNotContain("wrong-password", wrongPassword.Message);
            Assert.Null(KeyEncryptionCertificate.Load(Configuration(null, null)));
            var loaded = KeyEncryptionCertificate.Load(Configuration(path, "right-password"));
            Assert.Equal(certificate.Thumbprint, loaded!.Current.Thumbprint);
            Assert.Empty(loaded.Previous);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task After_the_certificate_is_replaced_the_previous_one_keeps_the_keys_it_encrypted_readable()
    {
        await using var database = await TestDatabase.CreateAsync(nameof(KeyRingEncryptionTests));
        using var first = SelfSignedCertificate();
        using var second = SelfSignedCertificate();
        var protectedText = Protector(database, first).Protect("webhook secret");

        Assert.Equal("webhook secret", Protector(database, second, [first]).Unprotect(protectedText));
        Assert.ThrowsAny<CryptographicException>(() => Protector(database, second).Unprotect(protectedText));
    }

    private static IDataProtector Protector(TestDatabase database, X509Certificate2? certificate, X509Certificate2[]? previous = null) =>
        new ServiceCollection().AddCrmDataProtection(database.DataSource, certificate, previous).BuildServiceProvider()
            .GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static async Task<List<string>> StoredKeysAsync(TestDatabase database)
    {
        await using var command = database.DataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
            keys.Add(reader.GetString(0));
        return keys;
    }

    private static IConfiguration Configuration(string? path, string? password) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [KeyEncryptionCertificate.PathKey] = path,
            [KeyEncryptionCertificate.PasswordKey] = password,
        }).Build();

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PhoneCrm key ring (tests)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
