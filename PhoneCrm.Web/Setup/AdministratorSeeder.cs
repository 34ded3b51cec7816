using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using PhoneCrm.Core.Identity;
using PhoneCrm.Data.Identity;

namespace PhoneCrm.Web.Setup;

/// <summary>
/// Creates the first administrator when there is none. The password comes from Crm:AdminPassword; without
/// it a random one is generated and written once to the console (not to the log file, which lives longer).
/// </summary>
public sealed class AdministratorSeeder(UserManager<CrmUser> users, IConfiguration configuration, ILogger<AdministratorSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
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
            Console.WriteLine("This password is shown only once; change it after signing in.");
        }
    }

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
