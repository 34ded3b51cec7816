using PhoneCrm.Core.Conversions;

namespace PhoneCrm.Data.Conversions;

/// <summary>
/// One row of a grouped read: the supplier, geo or project id (0: none) and its name, or the day; and the figures.
/// </summary>
public sealed record ConversionGroup(long Id, DateOnly? Day, string Name, ConversionFigures Figures);
