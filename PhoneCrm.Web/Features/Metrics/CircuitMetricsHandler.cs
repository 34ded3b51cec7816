using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PhoneCrm.Web.Features.Metrics;

/// <summary>Counts the Blazor circuits open on this instance.</summary>
internal sealed class CircuitMetricsHandler : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        CrmMetrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        CrmMetrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
