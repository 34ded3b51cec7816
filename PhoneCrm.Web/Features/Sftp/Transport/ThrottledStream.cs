using System.Diagnostics;

namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>
/// A write-only stream that holds writes back to a rate, so a download (which SSH.NET reads ahead as fast as the
/// link allows) pulls from the supplier no faster than the configured cap. SSH.NET has no rate limit of its own.
/// </summary>
internal sealed class ThrottledStream(Stream inner, int kilobitsPerSecond) : Stream
{
    private readonly double _bytesPerSecond = kilobitsPerSecond * 1000.0 / 8;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken);
        _written += buffer.Length;
        var due = TimeSpan.FromSeconds(_written / _bytesPerSecond) - _clock.Elapsed;
        if (due > TimeSpan.Zero)
            await Task.Delay(due, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
