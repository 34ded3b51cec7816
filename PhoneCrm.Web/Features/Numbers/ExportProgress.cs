using System.Collections.Concurrent;

namespace PhoneCrm.Web.Features.Numbers;

/// <summary>
/// Rows written by the exports running on this instance, keyed by an id the numbers page puts in the download
/// link, so the page can show a progress bar while the browser waits for the file (an XLSX is built before its
/// first byte is sent). Only the user who started an export can read its progress. Entries go after an hour.
/// </summary>
public sealed class ExportProgress
{
    public sealed record State(string UserId, long Total, long Done, bool Finished, bool Failed, DateTimeOffset StartedAt);

    private readonly ConcurrentDictionary<Guid, State> _exports = new();

    public IProgress<long> Start(Guid id, string userId, long total)
    {
        foreach (var (key, state) in _exports)
            if (DateTimeOffset.UtcNow - state.StartedAt > TimeSpan.FromHours(1))
                _exports.TryRemove(key, out _);
        _exports[id] = new State(userId, total, 0, false, false, DateTimeOffset.UtcNow);
        return new Reporter(this, id);
    }

    public void Finish(Guid id, long done, bool failed) =>
        _exports.AddOrUpdate(id, _ => throw new InvalidOperationException("Unknown export."),
            (_, state) => state with { Done = failed ? state.Done : done, Finished = true, Failed = failed });

    public State? Get(Guid id, string userId) => _exports.TryGetValue(id, out var state) && state.UserId == userId ? state : null;

    private sealed class Reporter(ExportProgress owner, Guid id) : IProgress<long>
    {
        public void Report(long value) => owner._exports.AddOrUpdate(id, _ => throw new InvalidOperationException("Unknown export."),
            (_, state) => state with { Done = value });
    }
}
