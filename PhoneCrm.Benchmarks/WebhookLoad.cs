using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PhoneCrm.Core.SoftPhone;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// A loopback load generator for the SoftPhone webhook: signed requests from a fixed number of concurrent
/// senders, bounded both in time and in count, recording each request's latency (send to full answer). A
/// request answered 503 (the app is busy linking earlier events) is sent again after its Retry-After, as SoftPhone
/// does; its latency runs until it is finally answered.
/// </summary>
public sealed class WebhookLoad(Uri baseAddress, string secret, IReadOnlyList<string> phones)
{
    private static readonly string[] _results = ["", "no_answer", "busy", "callback", "sale", "reached"];
    private static readonly string[] _types = ["ended", "missed", "answered"];
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(secret);
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private long _next;

    public sealed record Result(long Requests, long Events, long Failures, long SentAgain, double Seconds, Latencies Latencies)
    {
        public double EventsPerSecond => Events / Seconds;
    }

    public HttpClient CreateClient() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<Result> RunAsync(int eventsPerRequest, int senders, TimeSpan duration, long maxRequests, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        var latencies = new List<double>[senders];
        long requests = 0, failures = 0, sentAgain = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async sender =>
        {
            var mine = latencies[sender] = [];
            var random = new Random(sender * 7919 + Environment.TickCount);
            while (clock.Elapsed < duration && Interlocked.Increment(ref requests) <= maxRequests && !cancellationToken.IsCancellationRequested)
            {
                var body = Body(random, eventsPerRequest);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    while (true)
                    {
                        using var response = await client.SendAsync(Signed(body), cancellationToken);
                        await response.Content.LoadIntoBufferAsync(cancellationToken);
                        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter?.Delta is { } wait)
                        {
                            Interlocked.Increment(ref sentAgain);
                            await Task.Delay(wait, cancellationToken);
                            continue;
                        }
                        if (response.StatusCode != HttpStatusCode.OK)
                            Interlocked.Increment(ref failures);
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = new Latencies();
        foreach (var value in latencies.SelectMany(l => l))
            all.Add(value);
        var sent = all.Count;
        return new Result(sent, (sent - failures) * eventsPerRequest, failures, sentAgain, seconds, all);
    }

    public HttpRequestMessage Signed(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/softphone/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName,
            WebhookSignature.Header(_secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), body));
        return request;
    }

    public static byte[] EventJson(string eventId, string phone, string type, string? result) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["eventId"] = eventId,
            ["type"] = type,
            ["phone"] = phone,
            ["direction"] = "outbound",
            ["operator"] = "bench",
            ["startedAt"] = DateTimeOffset.UtcNow.AddSeconds(-30),
            ["durationSeconds"] = 25,
            ["result"] = string.IsNullOrEmpty(result) ? null : result,
        });

    // Nine in ten events are about numbers in the base; the rest match nothing (they go to Unmatched calls).
    private byte[] Body(Random random, int events)
    {
        byte[] One() => EventJson($"bench-{_runId}-{Interlocked.Increment(ref _next)}",
            random.Next(10) == 0 ? $"+7999{random.Next(10_000_000):D7}" : phones[random.Next(phones.Count)],
            _types[random.Next(_types.Length)], _results[random.Next(_results.Length)]);
        if (events == 1)
            return One();
        var buffer = new List<byte>(events * 220) { (byte)'[' };
        for (var i = 0; i < events; i++)
        {
            if (i > 0)
                buffer.Add((byte)',');
            buffer.AddRange(One());
        }
        buffer.Add((byte)']');
        return [.. buffer];
    }
}
