using Microsoft.AspNetCore.HttpLogging;
using Serilog;

namespace PhoneCrm.Web.Setup;

public static class LoggingSetup
{
    public static void AddCrmLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);

        // Request line, status and timing only: headers and bodies may carry cookies, tokens and passwords.
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
    }
}
