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

        var certificates = KeyEncryptionCertificate.Load(builder.Configuration);
        builder.Services.AddCrmDataProtection(dataSource, certificates?.Current, certificates?.Previous);
    }

    /// <summary>Brings the schema up to date and makes sure an administrator exists, before serving.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var lifetime = app.Lifetime.ApplicationStopping;
        await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(lifetime);
        // Imports that were running when an instance died show as interrupted, not as running forever.
        await app.Services.GetRequiredService<PhoneCrm.Data.Imports.ImportRecovery>().MarkInterruptedAsync(lifetime);
        // The housekeeping job keeps call-event months ahead; this covers an instance started after a long pause.
        await using (var ensure = app.Services.GetRequiredService<NpgsqlDataSource>()
                         .CreateCommand("SELECT ensure_call_event_partitions(now(), 3)"))
            await ensure.ExecuteNonQueryAsync(lifetime);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdministratorSeeder>().SeedAsync(lifetime);
    }
}
