namespace PhoneCrm.Data.Conversions;

/// <summary>What one run of the rollup did; Skipped when another run or rebuild held the lock.</summary>
public sealed record ConversionRollupRun(bool Skipped, int RebuiltProjects, long FoldedChanges, TimeSpan Elapsed);
