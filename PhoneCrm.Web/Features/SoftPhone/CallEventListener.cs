using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using PhoneCrm.Data.SoftPhone;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>
/// Listens on PostgreSQL for stored call events (from whichever instance took the webhook) and hands them to
/// this instance's circuits. The LISTEN connection is checked every few seconds; when it is lost, the listener
/// reconnects by itself and replays the events stored since it was last known to be listening, so an outage
/// costs toasts a delay, not a loss. Replays and notifications that overlap are shown once.
/// </summary>
public sealed class CallEventListener(
    NpgsqlDataSource dataSource, CallEventQueries queries, CallToastHub hub, SoftPhoneOptions options,
    TimeProvider clock, ILogger<CallEventListener> logger) : BackgroundService
{
    // A transaction's received_at is when it began; one that began a little before the outage can commit after.
    private static readonly TimeSpan _replayMargin = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _healthCheckEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _rememberShownFor = TimeSpan.FromMinutes(10);

    private readonly Channel<string> _payloads = Channel.CreateUnbounded<string>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<(long CallEventId, long ProjectId), DateTimeOffset> _shown = new();
    private DateTimeOffset _prunedAt;

    /// <summary>The LISTEN connection's application_name: per process, as several instances share one database.</summary>
    public static string ApplicationName { get; } = $"phonecrm-call-listener-{Environment.ProcessId}";

    /// <summary>True while the LISTEN is in place.</summary>
    public bool IsListening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumer = ConsumeAsync(stoppingToken);
        DateTimeOffset? listeningSince = null;
        DateTimeOffset? lostAt = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => _payloads.Writer.TryWrite(e.Payload);
                // Named, so an operator can find (and a test can cut) this connection in pg_stat_activity.
                await using (var listen = new NpgsqlCommand(
                                 $"SET application_name = '{ApplicationName}'; LISTEN {CallEventStore.NotificationChannel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                IsListening = true;
                logger.LogInformation("Call event listener is listening");
                if (lostAt is { } since)
                {
                    // After LISTEN, so an event committed from here on arrives one way or the other.
                    var missed = await queries.ToastsSinceAsync(since - _replayMargin, stoppingToken);
                    var replayed = Publish(missed);
                    logger.LogInformation("Call event listener reconnected; replayed {Replayed} call toasts missed since {Since:O}", replayed, since);
                }
                while (true)
                {
                    listeningSince = clock.GetUtcNow();
                    if (!await connection.WaitAsync(_healthCheckEvery, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                IsListening = false;
                lostAt ??= listeningSince ?? clock.GetUtcNow();
                logger.LogWarning(e, "Call event listener lost its connection; reconnecting in {Seconds} s", options.ListenerReconnectSeconds);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(options.ListenerReconnectSeconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            if (IsListening)
                lostAt = null;
        }
        IsListening = false;
        _payloads.Writer.TryComplete();
        await consumer;
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        await foreach (var payload in _payloads.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                var notice = JsonSerializer.Deserialize<Notice>(payload, _json)!;
                if (hub.AnyoneMaySee(notice.Projects))
                    Publish(await queries.ToastsAsync(notice.At, notice.Ids, notice.Projects, notice.Numbers, stoppingToken));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not show toasts for call events {Payload}", payload);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Hands on the toasts not shown before; returns how many that was.</summary>
    private int Publish(IReadOnlyList<CallToast> toasts)
    {
        var now = clock.GetUtcNow();
        var fresh = toasts.Where(t => _shown.TryAdd((t.CallEventId, t.ProjectId), now)).ToList();
        if (fresh.Count > 0)
            hub.Publish(fresh);
        if (now - _prunedAt > TimeSpan.FromMinutes(1))
        {
            _prunedAt = now;
            foreach (var (key, shownAt) in _shown)
                if (now - shownAt > _rememberShownFor)
                    _shown.TryRemove(key, out _);
        }
        return fresh.Count;
    }

    private static readonly JsonSerializerOptions _json = new() { PropertyNameCaseInsensitive = true };

    private sealed record Notice(DateTimeOffset At, long[] Ids, long[] Projects, long[] Numbers);
}
