using Microsoft.Extensions.Diagnostics.HealthChecks;
using PhoneCrm.Data.Migrations;

namespace PhoneCrm.Web.Setup;

public sealed class MigrationsHealthCheck(MigrationRunner migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await migrations.IsUpToDateAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Database migrations are not all applied.");
}
