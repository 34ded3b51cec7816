namespace PhoneCrm.Data.Imports;

/// <summary>
/// One file row as checked on the client. <paramref name="Reason"/> is set for a row that goes only to the
/// reject report (not a phone, or a repeat of an earlier row); the fields such a row does not need are null.
/// <paramref name="Country"/> and <paramref name="NumberType"/> are the library's region and type of the phone, stored with it.
/// <paramref name="Extra"/> is the unmapped columns as UTF-8 JSON text.
/// </summary>
internal readonly record struct CheckedRow(
    long RowNumber,
    string? RawPhone,
    string? Phone,
    string? Country,
    string? Reason,
    string? SupplierName,
    string? GeoName,
    byte[]? Extra,
    string? NumberType = null);
