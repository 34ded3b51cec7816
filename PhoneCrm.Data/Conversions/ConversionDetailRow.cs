using PhoneCrm.Core.Conversions;

namespace PhoneCrm.Data.Conversions;

/// <summary>One rollup row with its names, as exports write it.</summary>
public sealed record ConversionDetailRow(string Project, DateOnly Day, string Supplier, string Geo, ConversionFigures Figures);
