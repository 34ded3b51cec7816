namespace PhoneCrm.Web.Setup;

public static class SecurityHeaders
{
    // Blazor Server needs its websocket (connect-src 'self' covers ws/wss on the same origin in current
    // browsers); Radzen sets inline styles on components, hence style-src 'unsafe-inline'. No inline script
    // and no eval are needed.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>A year, as browsers' preload lists ask; sent only on https, where a browser honours it.</summary>
    private const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>No "Server: Kestrel": it tells an attacker what to try and nobody else anything.</summary>
    public static void AddCrmSecurityHeaders(this WebApplicationBuilder builder) =>
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

    /// <summary>
    /// After the forwarded headers, so a request that reached a TLS-ending proxy we trust counts as https and gets HSTS.
    /// Blazor's own frame-ancestors header is turned off where the components are mapped, so this CSP is the only one.
    /// </summary>
    public static void UseCrmSecurityHeaders(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (context.Request.IsHttps)
                headers.StrictTransportSecurity = StrictTransportSecurity;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            await next();
        });
}
