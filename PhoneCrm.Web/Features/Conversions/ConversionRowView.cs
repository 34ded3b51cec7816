using PhoneCrm.Data.Conversions;

namespace PhoneCrm.Web.Features.Conversions;

/// <summary>A grouped row flattened for grids and charts, which sort and plot by property name.</summary>
public sealed record ConversionRowView(
    long Id, string Name, long Loaded, long Processed, long Reached, long Converted, long Rejected, long Attempts,
    double TalkMinutes, double? ReachPercent, double? ConversionPercent, double? ConversionOfLoadedPercent)
{
    public static ConversionRowView From(ConversionGroup group, string name)
    {
        var f = group.Figures;
        return new(group.Id, name, f.Loaded, f.Processed, f.Reached, f.Converted, f.Rejected, f.Attempts,
            Math.Round(f.TalkSeconds / 60.0, 1), Percent(f.ReachRate), Percent(f.ConversionOfProcessed), Percent(f.ConversionOfLoaded));
    }

    private static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;
}
