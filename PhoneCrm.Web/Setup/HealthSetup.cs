using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PhoneCrm.Data;
using PhoneCrm.Web.Features.SoftPhone;
using PhoneCrm.Web.Jobs;

namespace PhoneCrm.Web.Setup;

public static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static void AddCrmHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<CrmDbContext>("database", tags: [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [ReadyTag])
            .AddCheck<CallListenerHealthCheck>("call_listener", tags: [ReadyTag]);
    }

    public static void MapCrmHealthChecks(this WebApplication app)
    {
        // Liveness says only that the process answers; readiness checks what serving needs.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
    }
}
