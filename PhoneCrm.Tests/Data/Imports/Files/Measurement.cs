using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Tests.Data.Imports.Files;

/// <summary>What one read of a large file took: rows, the last of them, heap high-water marks and time.</summary>
public sealed class Measurement
{
    public int Count { get; set; }

    public SourceRow Last { get; set; }

    /// <summary>Most managed heap the GC kept (after a collection), over the baseline.</summary>
    public long Peak { get; set; }

    /// <summary>Most managed heap including garbage not yet collected, over the baseline.</summary>
    public long Allocated { get; set; }

    public TimeSpan Elapsed { get; set; }

    public double RowsPerSecond => Count / Elapsed.TotalSeconds;
}
