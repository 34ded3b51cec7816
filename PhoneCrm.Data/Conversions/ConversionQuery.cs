namespace PhoneCrm.Data.Conversions;

/// <summary>Which projects and which days (inclusive, in each project's time zone) a dashboard reads.</summary>
public sealed record ConversionQuery(IReadOnlyList<long> ProjectIds, DateOnly From, DateOnly To);
