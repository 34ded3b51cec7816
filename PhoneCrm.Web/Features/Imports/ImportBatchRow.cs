namespace PhoneCrm.Web.Features.Imports;

public sealed record ImportBatchRow(
    long Id,
    long ProjectId,
    string ProjectName,
    string FileName,
    long FileSize,
    string Status,
    long RowsRead,
    long Accepted,
    long Rejected,
    long DuplicatesInFile,
    long DuplicatesInProject,
    long DuplicatesElsewhere,
    long RevertedCount,
    string? Error,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>Rows per second while running or over the whole run.</summary>
    public double? Rate => StartedAt is { } start && RowsRead > 0
        ? RowsRead / Math.Max(0.001, ((FinishedAt ?? DateTimeOffset.UtcNow) - start).TotalSeconds)
        : null;
}
