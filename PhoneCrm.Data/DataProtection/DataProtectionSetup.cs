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
    /// </summary>
    public static IServiceCollection AddCrmDataProtection(this IServiceCollection services, NpgsqlDataSource dataSource)
    {
        services.AddDataProtection().SetApplicationName("PhoneCrm");
        services.Configure<KeyManagementOptions>(options => options.XmlRepository = new PostgresXmlRepository(dataSource));
        return services;
    }
}
