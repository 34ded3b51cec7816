using PhoneCrm.Web.Features.Metrics;
using System.Collections.Concurrent;
using PhoneCrm.Data.SoftPhone;

namespace PhoneCrm.Web.Features.SoftPhone;

/// <summary>
/// This instance's open circuits that want call toasts, each with the projects its user may see. The listener
/// publishes here; a toast reaches only the circuits whose user may see its project and has not muted toasts.
/// </summary>
public sealed class CallToastHub(ILogger<CallToastHub> logger)
{
    private readonly ConcurrentDictionary<Guid, CallToastSubscription> _subscriptions = new();

    public int Count => _subscriptions.Count;

    public IDisposable Subscribe(CallToastSubscription subscription)
    {
        var key = Guid.NewGuid();
        _subscriptions[key] = subscription;
        return new Unsubscriber(() => _subscriptions.TryRemove(key, out _));
    }

    /// <summary>Whether any circuit here would show a call in one of these projects: if not, nothing need be read.</summary>
    public bool AnyoneMaySee(IReadOnlyCollection<long> projectIds) =>
        _subscriptions.Values.Any(s => !s.Muted && projectIds.Any(s.MaySee));

    public void Publish(IReadOnlyList<CallToast> toasts)
    {
        foreach (var subscription in _subscriptions.Values)
        {
            var visible = toasts.Where(t => subscription.MaySee(t.ProjectId)).ToList();
            if (visible.Count == 0 || subscription.Muted)
                continue;
            // Fire and forget per circuit: a slow or closing browser must not hold up the others.
            _ = DeliverAsync(subscription, visible);
            CrmMetrics.ToastsSent(visible.Count);
        }
    }

    private async Task DeliverAsync(CallToastSubscription subscription, IReadOnlyList<CallToast> toasts)
    {
        try
        {
            await subscription.Deliver(toasts);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "A call toast could not reach a circuit (it is probably closing)");
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

/// <summary>One circuit's wish for toasts: which projects its user may see (null: all) and how to show them.</summary>
public sealed class CallToastSubscription(Func<IReadOnlyList<CallToast>, Task> deliver)
{
    public volatile IReadOnlySet<long>? VisibleProjects;
    public volatile bool Muted;

    public Func<IReadOnlyList<CallToast>, Task> Deliver { get; } = deliver;

    public bool MaySee(long projectId) => VisibleProjects is not { } projects || projects.Contains(projectId);
}
