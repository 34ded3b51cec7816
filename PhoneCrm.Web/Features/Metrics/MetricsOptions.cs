using System.Net;

namespace PhoneCrm.Web.Features.Metrics;

/// <summary>Crm:Metrics: who may read /metrics. Only Prometheus should: the figures say how busy the business is.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Crm:Metrics";

    private static readonly List<string> _loopback = ["127.0.0.1/32", "::1/128"];

    /// <summary>Addresses or networks ("10.0.5.7", "10.0.5.0/24", "::1") whose requests get the metrics; others get 403.
    /// Empty means loopback only. (Not defaulted here: the configuration binder adds to a list, it does not replace it.)</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    internal IReadOnlyList<IPNetwork> Parse() => (AllowedNetworks.Count == 0 ? _loopback : AllowedNetworks).Select(ParseOne).ToList();

    private static IPNetwork ParseOne(string text)
    {
        var trimmed = text.Trim();
        if (IPNetwork.TryParse(trimmed, out var network))
            return network;
        if (IPAddress.TryParse(trimmed, out var address))
            return new IPNetwork(address, address.GetAddressBytes().Length * 8);
        throw new InvalidOperationException(
            $"{SectionName}:AllowedNetworks holds \"{text}\", which is neither an IP address nor a network such as 10.0.5.0/24.");
    }
}
