namespace PhoneCrm.Benchmarks;

/// <summary>One step of an import and how long it took.</summary>
public sealed record PhaseTiming(string Phase, double Milliseconds);
