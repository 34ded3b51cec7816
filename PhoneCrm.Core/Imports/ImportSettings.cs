namespace PhoneCrm.Core.Imports;

/// <summary>
/// What the user chose for one import: which column holds what (a zero-based index, -1 for none), where
/// suppliers and geos come from, and how duplicates are treated. Stored with the batch as JSON.
/// </summary>
public sealed record ImportSettings
{
    public int PhoneColumn { get; init; }
    public int SupplierColumn { get; init; } = -1;
    public int GeoColumn { get; init; } = -1;

    /// <summary>The supplier of every row, when not taken from a column.</summary>
    public long? SupplierId { get; init; }

    /// <summary>Also skip numbers already in any other live project (a number in this project is always skipped).</summary>
    public bool SkipNumbersInOtherProjects { get; init; }
}
