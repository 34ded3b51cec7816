namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// Which column (0-based) holds each field the import understands, or <see cref="None"/>. Every other column
/// is kept and stored under its header name.
/// </summary>
public sealed record ColumnMapping(int Phone, int Supplier, int Geo, int Name, int Comment)
{
    public const int None = -1;

    public static ColumnMapping Empty { get; } = new(None, None, None, None, None);

    public bool IsMapped(int column) =>
        column != None && (column == Phone || column == Supplier || column == Geo || column == Name || column == Comment);
}
