using System.Threading.Channels;
using PhoneCrm.Data.SoftPhone;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>
/// Applies accepted call events to numbers (<see cref="CallEventStore.LinkPendingAsync"/>), just after the webhook
/// has answered. Woken by every store, it links whatever is waiting, group after group, until nothing is: a lone
/// event is linked at once, and under load a group holds everything that arrived during the previous one. It also
/// looks every few seconds, for events another instance accepted but did not get to link (it stopped, or crashed);
/// instances linking at the same time take different events.
/// <para>
/// Storing an event costs far less than linking it, so a burst of batches can be accepted faster than it is
/// linked. While more than <see cref="SoftPhoneOptions.MaxLinkBacklog"/> events wait, <see cref="IsBehind"/> is
/// true and the webhook asks SoftPhone to send again later.
/// </para>
/// <para>
/// One event that cannot be linked must not hold up the others. When a group fails, its events are linked one at
/// a time; one that fails alone because of its data is set aside (logged, and left waiting, where the SoftPhone
/// page shows it) until the app restarts, and the rest go on.
/// </para>
/// </summary>
public sealed class CallEventLinker(CallEventStore store, SoftPhoneOptions options, ILogger<CallEventLinker> logger) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private volatile bool _behind;
    private readonly HashSet<long> _setAside = [];

    /// <summary>More events wait to be linked than the webhook should add to (as of this instance's last look).</summary>
    public bool IsBehind => _behind;

    /// <summary>Says events are waiting; cheap, and any number of calls before the next group make one wake-up.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweep = TimeSpan.FromSeconds(options.LinkSweepSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            _wake.Reader.TryRead(out _);
            try
            {
                await LinkWhatIsWaitingAsync();
            }
            catch (Exception e)
            {
                // The events stay waiting, and are linked on a later pass.
                logger.LogError(e, "Linking call events failed; retrying in {Seconds} s", options.LinkSweepSeconds);
            }
            await WaitAsync(sweep, stoppingToken);
        }
    }

    private async Task LinkWhatIsWaitingAsync()
    {
        var oneByOne = 0; // events left to link one at a time after a group failed
        while (true)
        {
            var size = oneByOne > 0 ? 1 : options.LinkMaxEvents;
            CallLinkResult group;
            try
            {
                // Not cancelled on shutdown: a group takes milliseconds to a second, and its transaction commits whole.
                group = await store.LinkPendingAsync(size, _setAside, CancellationToken.None);
            }
            catch (CallEventLinkException e)
            {
                _setAside.Add(e.CallEventId);
                logger.LogError(e, "Call event {CallEventId} cannot be linked; it stays waiting and the others go on", e.CallEventId);
                continue;
            }
            catch (Exception e) when (oneByOne == 0)
            {
                logger.LogWarning(e, "Linking a group of call events failed; linking them one at a time");
                oneByOne = options.LinkMaxEvents;
                continue;
            }
            if (oneByOne > 0)
                oneByOne -= group.Events;
            if (group.Events < size)
            {
                _behind = false; // nothing more was waiting a moment ago
                return;
            }
            _behind = await store.WaitingMoreThanAsync(options.MaxLinkBacklog + _setAside.Count, CancellationToken.None);
        }
    }

    private async Task WaitAsync(TimeSpan sweep, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(sweep);
        try
        {
            await _wake.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The sweep is due, or the app is stopping.
        }
    }
}
