namespace PhoneCrm.Data.Conversions;

/// <summary>One rollup group of a project: a day and a supplier and geo (0: none).</summary>
public readonly record struct ConversionKey(DateOnly Day, long SupplierId, long GeoId);
