using System.Threading.Channels;

namespace PhoneCrm.Web.Features.Imports;

/// <summary>
/// Batches waiting for this instance's <see cref="ImportWorker"/>. In memory on purpose: the uploaded file
/// is on this instance's disk, so no other instance could run the batch anyway.
/// </summary>
public sealed class ImportQueue
{
    private readonly Channel<long> _batches = Channel.CreateUnbounded<long>();

    public ValueTask EnqueueAsync(long batchId, CancellationToken cancellationToken) => _batches.Writer.WriteAsync(batchId, cancellationToken);

    public IAsyncEnumerable<long> ReadAllAsync(CancellationToken cancellationToken) => _batches.Reader.ReadAllAsync(cancellationToken);
}
