namespace PhoneCrm.Benchmarks;

/// <summary>One line of the results table; <paramref name="Pass"/> is null for figures without a target.</summary>
public sealed record ResultRow(string Measure, string Value, string Baseline, string Ratio, string Target, bool? Pass);
