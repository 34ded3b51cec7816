using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>Whether the LISTEN connection that carries call toasts to this instance's browsers is up. Degraded, not
/// unhealthy, while it reconnects: pages still work, and the toasts missed meanwhile are replayed after it.</summary>
public sealed class CallListenerHealthCheck(CallEventListener listener) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(listener.IsListening
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("The connection that carries call toasts is down; reconnecting."));
}
