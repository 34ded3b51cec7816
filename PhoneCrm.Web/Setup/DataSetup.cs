using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PhoneCrm.Data;
using PhoneCrm.Data.DataProtection;
using PhoneCrm.Data.Migrations;

namespace PhoneCrm.Web.Setup;

public static class DataSetup
{
    public const string ConnectionStringName = "Crm";

    public static void AddCrmData(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                "ConnectionStrings:Crm is not set. Run the app with scripts/run.sh, which provisions a local " +
                "PostgreSQL, or set ConnectionStrings__Crm in the environment.");

        var dataSource = CrmDataSource.Create(connectionString);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddDbContextFactory<CrmDbContext>(options => options.UseNpgsql(dataSource));
        builder.Services.AddSingleton<MigrationRunner>();

        // One key ring for all instances, so a cookie from one instance is valid on every other.
        builder.Services.AddDataProtection().SetApplicationName("PhoneCrm");
        builder.Services.Configure<KeyManagementOptions>(options => options.XmlRepository = new PostgresXmlRepository(dataSource));
    }

    /// <summary>Brings the schema up to date and makes sure an administrator exists, before serving.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var lifetime = app.Lifetime.ApplicationStopping;
        await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(lifetime);
        // Imports that were running when an instance died show as interrupted, not as running forever.
        await app.Services.GetRequiredService<PhoneCrm.Data.Imports.ImportRecovery>().MarkInterruptedAsync(lifetime);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdministratorSeeder>().SeedAsync(lifetime);
    }
}
