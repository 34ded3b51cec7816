using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PhoneCrm.Web.Features.Shared;

public sealed class ClientConnectionCircuitHandler(ClientConnection connection, IHttpContextAccessor accessor) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        connection.CopyFrom(accessor.HttpContext);
        return Task.CompletedTask;
    }
}
