using System.Security.Claims;
using Serilog;
using Serilog.Events;

namespace PhoneCrm.Web.Setup;

/// <summary>Serilog from the "Serilog" section, and one log line per request.</summary>
public static class LoggingSetup
{
    public static void AddCrmLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services));

    /// <summary>
    /// Method, route, status, time and user id of each request. Never the query string, headers, cookies or bodies:
    /// they may carry tokens and passwords. Successful health probes, static files and the webhook log at Verbose, so they do not drown the rest.
    /// </summary>
    public static void UseCrmRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} ({Route}) responded {StatusCode} in {Elapsed:0.0} ms for user {UserId}";
            options.GetLevel = (http, _, error) => error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.Response.StatusCode < 400 && IsQuiet(http) ? LogEventLevel.Verbose
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("Route", (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "-");
                diagnostics.Set("UserId", http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-");
            };
        });

    /// <summary>Successful answers of this endpoint are logged at Verbose (off by default): it answers too often to log each.</summary>
    public static TBuilder WithQuietRequestLog<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new QuietRequestLog());

    private static bool IsQuiet(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/health") || http.GetEndpoint() is not { } endpoint
        || endpoint.Metadata.GetMetadata<QuietRequestLog>() is not null;

    private sealed class QuietRequestLog;
}
