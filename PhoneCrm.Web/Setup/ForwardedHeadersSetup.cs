using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace PhoneCrm.Web.Setup;

/// <summary>
/// Behind a load balancer that ends TLS, the app sees plain HTTP from the balancer's address. The X-Forwarded-For
/// and X-Forwarded-Proto headers of the proxies listed in Crm:ForwardedHeaders:KnownProxies (and of no one else:
/// any client can send them) restore the client's address, for the audit log and the webhook's per-sender rate
/// limit, and the https scheme, so the sign-in and antiforgery cookies are marked Secure. Without the setting the
/// headers are ignored.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string KnownProxiesKey = "Crm:ForwardedHeaders:KnownProxies";

    public static void AddCrmForwardedHeaders(this WebApplicationBuilder builder)
    {
        var proxies = KnownProxies(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only the configured proxies are trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                options.KnownProxies.Add(proxy);
        });
    }

    public static void UseCrmForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.KnownProxies.Count > 0)
            app.UseForwardedHeaders();
    }

    private static List<IPAddress> KnownProxies(IConfiguration configuration)
    {
        var proxies = new List<IPAddress>();
        foreach (var text in configuration.GetSection(KnownProxiesKey).Get<string[]>() ?? [])
        {
            if (!IPAddress.TryParse(text, out var address))
                throw new InvalidOperationException($"{KnownProxiesKey} holds \"{text}\", which is not an IP address.");
            proxies.Add(address);
        }
        return proxies;
    }
}
