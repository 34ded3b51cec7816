namespace PhoneCrm.Core.Conversions;

/// <summary>
/// The conversion measures of one group of numbers (a project, supplier, geo and day, or any sum of those).
/// Every measure is a plain count or sum over numbers, so groups add up: the rollup stores them per day and
/// every other view is a sum. Rates are derived here, never stored, so no rounding is ever summed.
/// </summary>
public sealed record ConversionFigures(
    long Loaded, long Processed, long Reached, long Converted, long Rejected, long Attempts, long TalkSeconds)
{
    public static readonly ConversionFigures Zero = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>Reached / processed; null while nothing is processed (a rate of nothing is not 0 %).</summary>
    public double? ReachRate => Rate(Reached, Processed);

    /// <summary>Converted / processed: how well the worked numbers convert.</summary>
    public double? ConversionOfProcessed => Rate(Converted, Processed);

    /// <summary>Converted / loaded: what the whole bought base yields.</summary>
    public double? ConversionOfLoaded => Rate(Converted, Loaded);

    public ConversionFigures Add(ConversionFigures other) => new(
        Loaded + other.Loaded, Processed + other.Processed, Reached + other.Reached, Converted + other.Converted,
        Rejected + other.Rejected, Attempts + other.Attempts, TalkSeconds + other.TalkSeconds);

    public static ConversionFigures Sum(IEnumerable<ConversionFigures> figures) =>
        figures.Aggregate(Zero, (total, next) => total.Add(next));

    private static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;
}
