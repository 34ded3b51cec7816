using System.Threading.Channels;
using PhoneCrm.Core.SoftPhone;
using PhoneCrm.Data.SoftPhone;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>
/// Group commit for the webhook: requests that arrive while a store is running wait together and go to the
/// database as one statement (<see cref="CallEventStore.AcceptAsync"/>); the linker is then woken to apply them to
/// numbers. Nothing waits on a timer: a lone request is stored at once, and under load the
/// batches grow by themselves, so thousands of single-event requests a second cost tens of transactions, not
/// thousands. Each request still gets its own events' outcomes; when a shared statement fails, its requests are
/// stored one by one, so an error fails only the request that caused it (SoftPhone retries it; replays are harmless).
/// </summary>
public sealed class CallEventBatcher(CallEventStore store, CallEventLinker linker, SoftPhoneOptions options, ILogger<CallEventBatcher> logger)
    : BackgroundService
{
    private sealed record Pending(IReadOnlyList<CallEvent> Events, TaskCompletionSource<CallIngestResult> Done);

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(20_000)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    public async Task<CallIngestResult> IngestAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken)
    {
        // A big batch is its own group already.
        if (events.Count >= options.GroupCommitMaxEvents / 2)
        {
            var stored = await store.AcceptAsync(events, cancellationToken);
            linker.Wake();
            return CallEventStore.Summarize(stored);
        }
        var pending = new Pending(events, new TaskCompletionSource<CallIngestResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        // Once queued, the events are stored whether or not the sender waits for the answer.
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.GroupCommitWriters)).Select(_ => WriteAsync()));

    private async Task WriteAsync()
    {
        var group = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            group.Clear();
            var events = 0;
            while (events < options.GroupCommitMaxEvents && _queue.Reader.TryRead(out var next))
            {
                group.Add(next);
                events += next.Events.Count;
            }
            if (group.Count > 0)
                await StoreAsync(group);
        }
    }

    private async Task StoreAsync(List<Pending> group)
    {
        try
        {
            // Not cancelled on shutdown: a store takes milliseconds, and what was accepted is kept.
            var stored = await store.AcceptAsync(group.SelectMany(p => p.Events).ToList(), CancellationToken.None);
            linker.Wake();
            var start = 0;
            foreach (var pending in group)
            {
                pending.Done.TrySetResult(CallEventStore.Summarize(stored.AsSpan(start, pending.Events.Count)));
                start += pending.Events.Count;
            }
        }
        catch (Exception e) when (group.Count > 1)
        {
            // One request's events must not fail the others': each is stored on its own, so only a bad one fails.
            logger.LogWarning(e, "Storing {Requests} webhook requests together failed; storing them one by one", group.Count);
            foreach (var pending in group)
                await StoreAsync([pending]);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Storing a webhook request failed; it is answered with an error and SoftPhone will retry");
            group[0].Done.TrySetException(e);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Requests already queued are stored before the instance stops.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }
}
