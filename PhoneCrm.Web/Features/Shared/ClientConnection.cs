namespace PhoneCrm.Web.Features.Shared;

/// <summary>
/// The browser's address and user agent for the audit log. A circuit has no HttpContext after it opens,
/// so <see cref="ClientConnectionCircuitHandler"/> copies them here while one is still available.
/// </summary>
public sealed class ClientConnection
{
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }

    public void CopyFrom(HttpContext? context)
    {
        if (context is null)
            return;
        IpAddress = context.Connection.RemoteIpAddress?.ToString();
        var userAgent = context.Request.Headers.UserAgent.ToString();
        UserAgent = userAgent.Length > 512 ? userAgent[..512] : userAgent;
    }
}
