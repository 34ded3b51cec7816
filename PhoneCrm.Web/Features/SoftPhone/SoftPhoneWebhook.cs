using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using PhoneCrm.Core.SoftPhone;
using PhoneCrm.Web.Features.Metrics;
using PhoneCrm.Web.Setup;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>
/// <c>POST /api/softphone/events</c>. Checked in order of cost: body size (413), signature (401), the linking
/// backlog (503), then JSON (400); only a request that passes all of them reaches the database. The signature,
/// not a login, is what authenticates SoftPhone, so the endpoint allows anonymous callers.
/// </summary>
public static class SoftPhoneWebhook
{
    public const string Path = "/api/softphone/events";
    public const string RateLimitPolicy = "softphone";
    public const string OpenApiDocument = "softphone";

    public static void MapSoftPhoneWebhook(this WebApplication app)
    {
        // Other methods get 405 with problem details and an Allow header, as an API answers, not the sign-in page.
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch], (HttpContext http) =>
            {
                http.Response.Headers.Allow = HttpMethods.Post;
                return Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                    detail: "Call events are sent with POST.");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapPost(Path, HandleAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimitPolicy)
            // At thousands of requests a second a log line each would cost more than the request; refusals are
            // logged as warnings below, and every stored event is in call_events.
            .WithQuietRequestLog()
            .WithGroupName(OpenApiDocument)
            .WithName("PostCallEvents")
            .WithSummary("Receive SoftPhone call events")
            .WithDescription(
                "One event object or an array of up to 1,000. Signed: header SoftPhone-Signature: t=<unix seconds>,v1=<hex " +
                "HMAC-SHA256 of t + \".\" + raw body with a shared secret>; refused outside 5 minutes of our clock. " +
                "Idempotent on eventId. Answered once the events are stored (toasts go out then); they are linked to numbers " +
                "(attempts, status) a moment later, and one that matches no number is listed on the Unmatched calls page. 503 with " +
                "Retry-After while too many events wait to be linked: send the same request again after that many seconds.")
            .Accepts<CallEventJson[]>("application/json")
            .Produces<CallIngestResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, SoftPhoneOptions options, WebhookSecretRing secrets, ProjectCountries countries,
        CallEventBatcher batcher, CallEventLinker linker, TimeProvider clock, ILoggerFactory loggers)
    {
        var cancellationToken = http.RequestAborted;
        if (http.Request.ContentLength > options.MaxBodyBytes)
            return TooLarge(options);
        var sizeLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeLimit is { IsReadOnly: false })
            sizeLimit.MaxRequestBodySize = options.MaxBodyBytes;

        var body = new ArrayBufferWriter<byte>(4096);
        if (!await TryReadBodyAsync(http.Request.Body, body, options.MaxBodyBytes, cancellationToken))
            return TooLarge(options);

        var now = clock.GetUtcNow();
        var activeSecrets = await secrets.ActiveAsync(cancellationToken);
        var check = WebhookSignature.Verify(http.Request.Headers[WebhookSignature.HeaderName].ToString(), body.WrittenSpan,
            activeSecrets, now, TimeSpan.FromSeconds(options.SignatureToleranceSeconds));
        if (check != SignatureCheck.Valid)
        {
            CrmMetrics.WebhookRefused("signature");
            loggers.CreateLogger(typeof(SoftPhoneWebhook)).LogWarning(
                "SoftPhone webhook refused a request from {RemoteIp}: signature {Check}", http.Connection.RemoteIpAddress, check);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signature check failed",
                detail: DetailOf(check, options));
        }

        if (linker.IsBehind)
        {
            CrmMetrics.WebhookRefused("backlog");
            http.Response.Headers.RetryAfter = options.BacklogRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy linking earlier events",
                detail: $"More than {options.MaxLinkBacklog:N0} events wait to be linked; nothing was stored. Send again after {options.BacklogRetryAfterSeconds} s.");
        }

        var parsed = CallEventParser.Parse(body.WrittenSpan, options.MaxEventsPerRequest, now);
        if (!parsed.IsValid)
        {
            CrmMetrics.WebhookRefused("invalid");
            return Results.ValidationProblem(parsed.Errors, title: "The call events are not valid; nothing was stored.");
        }
        var countryFor = await countries.ResolverAsync(parsed.Events.Select(e => e.ProjectId).OfType<long>(), cancellationToken);
        var result = await batcher.IngestAsync(CallEventParser.Normalize(parsed.Events, countryFor), cancellationToken);
        CrmMetrics.WebhookAnswered(result.Received, result.Stored, result.Duplicates);
        return Results.Ok(result);
    }

    private static async Task<bool> TryReadBodyAsync(Stream source, ArrayBufferWriter<byte> body, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var read = await source.ReadAsync(body.GetMemory(16 * 1024), cancellationToken);
                if (read == 0)
                    return true;
                body.Advance(read);
                if (body.WrittenCount > maxBytes)
                    return false;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
    }

    private static IResult TooLarge(SoftPhoneOptions options)
    {
        CrmMetrics.WebhookRefused("too_large");
        return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large",
            detail: $"At most {options.MaxBodyBytes} bytes per request; send fewer events per batch.");
    }

    private static string DetailOf(SignatureCheck check, SoftPhoneOptions options) => check switch
    {
        SignatureCheck.Missing => $"The {WebhookSignature.HeaderName} header is missing.",
        SignatureCheck.Malformed => $"The {WebhookSignature.HeaderName} header must look like t=<unix seconds>,v1=<64 hex digits>.",
        SignatureCheck.Stale => $"The signature's timestamp is more than {options.SignatureToleranceSeconds} seconds away from our clock.",
        _ => "No active secret produces this signature.",
    };
}
