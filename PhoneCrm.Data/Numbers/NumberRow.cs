using PhoneCrm.Core.Numbers;

namespace PhoneCrm.Data.Numbers;

public sealed record NumberRow(
    long Id,
    long ProjectId,
    string Phone,
    long? SupplierId,
    string? SupplierName,
    long? GeoId,
    string? GeoCode,
    NumberStatus Status,
    int Attempts,
    DateTimeOffset? LastCallAt,
    DateTimeOffset? ConvertedAt,
    long? ImportBatchId,
    DateTimeOffset CreatedAt,
    string? Extra,
    string? Country = null,
    string? NumberType = null,
    string? Operator = null,
    string? Region = null,
    IReadOnlyList<string>? TimeZones = null)
{
    public NumberCursor Cursor => new(LastCallAt, Id);
}
