using PhoneCrm.Core.Conversions;

namespace PhoneCrm.Data.Conversions;

/// <summary>A group where the rollup (with the changes still queued for it) differs from the exact aggregate.</summary>
public sealed record ConversionDrift(ConversionKey Key, ConversionFigures Exact, ConversionFigures Rollup);
