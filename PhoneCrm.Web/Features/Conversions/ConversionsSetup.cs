using PhoneCrm.Data.Conversions;

namespace PhoneCrm.Web.Features.Conversions;

public static class ConversionsSetup
{
    public static void AddConversions(this IServiceCollection services)
    {
        services.AddSingleton<ConversionQueries>();
        services.AddSingleton<ConversionDriftCheck>();
        services.AddScoped<ConversionsService>();
        services.AddScoped<ConversionExportWriter>();
    }
}
