namespace PhoneCrm.Data.Conversions;

/// <summary>What a dashboard table or chart groups the rollup by.</summary>
public enum ConversionGrouping
{
    Day,
    Supplier,
    Geo,
    Project,
}
