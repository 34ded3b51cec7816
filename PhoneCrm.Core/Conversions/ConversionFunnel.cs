namespace PhoneCrm.Core.Conversions;

/// <summary>One step of the funnel from loaded to converted: its count and its share of the loaded numbers.</summary>
public sealed record ConversionFunnelStep(string Key, long Count, double? ShareOfLoaded)
{
    /// <summary>Loaded, processed, reached, converted: each step is a subset of the one before when statuses come from calls.</summary>
    public static IReadOnlyList<ConversionFunnelStep> Of(ConversionFigures figures) =>
    [
        Step("Loaded", figures.Loaded, figures.Loaded),
        Step("Processed", figures.Processed, figures.Loaded),
        Step("Reached", figures.Reached, figures.Loaded),
        Step("Converted", figures.Converted, figures.Loaded),
    ];

    private static ConversionFunnelStep Step(string key, long count, long loaded) =>
        new(key, count, loaded == 0 ? null : (double)count / loaded);
}
