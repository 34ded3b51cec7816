using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using PhoneCrm.Core.Identity;
using PhoneCrm.Data.Identity;

namespace PhoneCrm.Web.Setup;

/// <summary>
/// Creates the first administrator when there is none. The password comes from Crm:AdminPassword; without
/// it a random one is generated and written once to the console (not to the log file, which lives longer).
/// </summary>
public sealed class AdministratorSeeder(
    UserManager<CrmUser> users, NpgsqlDataSource dataSource, IConfiguration configuration, ILogger<AdministratorSeeder> logger)
{
    // Instances starting together would each see no administrator and each create one; this lock (not the
    // migrations' one) lets exactly one of them do it.
    private const long SeedLockKey = 0x50686f6e65536564;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({SeedLockKey})", connection))
            await take.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            await SeedUnderLockAsync();
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({SeedLockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task SeedUnderLockAsync()
    {
        if ((await users.GetUsersInRoleAsync(CrmRoles.Administrator)).Count > 0)
            return;

        var userName = configuration["Crm:AdminUserName"] is { Length: > 0 } name ? name : "admin";
        var configuredPassword = configuration["Crm:AdminPassword"];
        var password = string.IsNullOrEmpty(configuredPassword) ? GeneratePassword() : configuredPassword;

        var admin = new CrmUser
        {
            UserName = userName,
            DisplayName = "Administrator",
            CreatedAt = DateTimeOffset.UtcNow,
            LockoutEnabled = true,
            // A printed password stays in the console's log (docker logs): it opens the first sign-in only.
            MustChangePassword = string.IsNullOrEmpty(configuredPassword),
        };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
            throw new InvalidOperationException(
                "Cannot create the first administrator: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, CrmRoles.Administrator);
        logger.LogInformation("Created the first administrator {UserName}", userName);

        if (string.IsNullOrEmpty(configuredPassword))
        {
            Console.WriteLine($"First administrator created. User name: {userName}  Password: {password}");
            Console.WriteLine("This password is shown only once; the first sign-in asks for a new one.");
        }
    }

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
