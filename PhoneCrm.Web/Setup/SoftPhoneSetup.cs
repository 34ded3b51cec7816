using PhoneCrm.Web.Features.Metrics;
using System.Threading.RateLimiting;
using PhoneCrm.Data.SoftPhone;
using PhoneCrm.Web.Features.SoftPhone;

namespace PhoneCrm.Web.Setup;

/// <summary>The SoftPhone webhook (with its rate limit and OpenAPI document) and the live call toasts.</summary>
public static class SoftPhoneSetup
{
    public static void AddCrmSoftPhone(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Crm:SoftPhone").Get<SoftPhoneOptions>() ?? new SoftPhoneOptions();
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CallEventStore>();
        services.AddSingleton<CallEventQueries>();
        services.AddSingleton<WebhookSecretRing>();
        services.AddSingleton<ProjectCountries>();
        services.AddSingleton<CallEventLinker>();
        services.AddHostedService(provider => provider.GetRequiredService<CallEventLinker>());
        services.AddSingleton<CallEventBatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<CallEventBatcher>());
        services.AddSingleton<CallToastHub>();
        services.AddSingleton<CallEventListener>();
        services.AddHostedService(provider => provider.GetRequiredService<CallEventListener>());
        services.AddScoped<SoftPhoneSettingsService>();
        services.AddScoped<CallsService>();

        // Per sender address: one misbehaving sender cannot starve another.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (_, _) =>
            {
                CrmMetrics.WebhookRefused("rate_limit");
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(SoftPhoneWebhook.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimitPermits,
                    Window = TimeSpan.FromSeconds(options.RateLimitWindowSeconds),
                    QueueLimit = 0,
                }));
        });

        services.AddOpenApi(SoftPhoneWebhook.OpenApiDocument, openApi =>
        {
            openApi.ShouldInclude = description => description.GroupName == SoftPhoneWebhook.OpenApiDocument;
            SoftPhoneContract.Describe(openApi);
        });
    }

    public static void MapCrmSoftPhone(this WebApplication app)
    {
        app.MapSoftPhoneWebhook();
        // The contract SoftPhone's integrators code against: public, like the webhook itself.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
    }
}
