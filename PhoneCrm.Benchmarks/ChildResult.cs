namespace PhoneCrm.Benchmarks;

/// <summary>What a child process (an import or an export) reports back on its last line of output.</summary>
/// <param name="PeakKilobytes">The child's own peak resident set (VmHWM), read just before it exits.</param>
/// <param name="Phases">Statements the child ran, in order, with their wall time in milliseconds.</param>
/// <param name="CpuSeconds">The child's own processor time (user + system, all threads): on a busy machine it shows
/// how much of the wall time was this process working.</param>
public sealed record ChildResult(long Rows, double Seconds, long PeakKilobytes, string Detail, List<PhaseTiming> Phases)
{
    public double CpuSeconds { get; init; } = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    public const string LinePrefix = "RESULT ";

    public double RowsPerSecond => Rows / Seconds;
}
