using PhoneCrm.Core.Conversions;
using PhoneCrm.Data.Conversions;

namespace PhoneCrm.Web.Features.Conversions;

/// <summary>What a conversion page shows for one range: totals, the daily trend, two breakdowns and how current it is.</summary>
public sealed record ConversionDashboard(
    ConversionFigures Totals,
    IReadOnlyList<ConversionGroup> Daily,
    IReadOnlyList<ConversionGroup> BySupplier,
    IReadOnlyList<ConversionGroup> ByGeo,
    DateTimeOffset? UpdatedAt)
{
    public bool IsEmpty => Totals.Loaded == 0;
}
