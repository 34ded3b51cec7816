using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PhoneCrm.Web.Setup;
using Prometheus;

namespace PhoneCrm.Web.Features.Metrics;

/// <summary>
/// Prometheus metrics at /metrics, with prometheus-net: a stable release (OpenTelemetry's Prometheus exporter is
/// served only as a beta), HTTP metrics by route out of the box, and a meter adapter that exports every .NET
/// <c>Meter</c> (ours, ASP.NET Core's, Npgsql's pool and command metrics), so the code records through the BCL
/// and could move to OTLP without touching a call site.
/// </summary>
public static class MetricsFeature
{
    public const string Path = "/metrics";

    public static void AddCrmMetrics(this WebApplicationBuilder builder)
    {
        // Read now, so a bad address stops the start with the setting's name.
        var options = builder.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
        builder.Services.AddSingleton(new MetricsAccess(options.Parse()));
        builder.Services.AddSingleton<CircuitHandler, CircuitMetricsHandler>();
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthMetricsPublisher>();
        builder.Services.AddHostedService<LinkBacklogSampler>();
        builder.Services.Configure<HealthCheckPublisherOptions>(options => options.Period = TimeSpan.FromSeconds(15));

        // Listening from the start, not from the first scrape (prometheus-net's default), so nothing recorded before
        // Prometheus first calls is lost. Series are dropped only after a day without a change (a counter that comes back restarts at 0, which rate() reads as a reset).
        Prometheus.Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressMeters = true });
        MeterAdapter.StartListening(new MeterAdapterOptions
        {
            MetricsExpireAfter = TimeSpan.FromDays(1), // the longest prometheus-net allows
            // The runtime's own QUIC internals: dozens of series for a transport the app does not use.
            InstrumentFilterPredicate = instrument => !instrument.Meter.Name.StartsWith("Private.", StringComparison.Ordinal),
            ResolveHistogramBuckets = instrument => instrument.Name == "import.rows_per_second"
                ? Histogram.ExponentialBuckets(1_000, 2, 12)
                : MeterAdapterOptions.DefaultHistogramBuckets,
        });
    }

    /// <summary>Refuses /metrics to other addresses; after the forwarded headers, so it judges the real client.</summary>
    public static void UseCrmMetricsAccess(this WebApplication app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (http, next) =>
        {
            if (http.RequestServices.GetRequiredService<MetricsAccess>().Allows(http.Connection.RemoteIpAddress))
            {
                await next(http);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsync("The metrics are not open to this address (Crm:Metrics:AllowedNetworks).");
        }));

    /// <summary>After routing, so requests are counted by their route pattern rather than their path.</summary>
    public static void UseCrmHttpMetrics(this WebApplication app) => app.UseHttpMetrics();

    /// <summary>The address rule is the gate: Prometheus does not sign in.</summary>
    public static void MapCrmMetrics(this WebApplication app) => app.MapMetrics(Path).AllowAnonymous().WithQuietRequestLog();
}
