using System.Net;

namespace PhoneCrm.Web.Features.Metrics;

/// <summary>Answers /metrics only to the configured networks, judged by the client's address (after the forwarded
/// headers of a known proxy are applied), so a load balancer in front does not open it to the intranet.</summary>
internal sealed class MetricsAccess(IReadOnlyList<IPNetwork> allowed)
{
    public bool Allows(IPAddress? client)
    {
        if (client is null)
            return false;
        if (client.IsIPv4MappedToIPv6)
            client = client.MapToIPv4();
        return allowed.Any(network => network.Contains(client));
    }
}
