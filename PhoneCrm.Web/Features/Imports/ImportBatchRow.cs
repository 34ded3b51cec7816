using PhoneCrm.Data.Imports.Files;

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
    DateTimeOffset? FinishedAt,
    string? ErrorCode = null,
    string? ErrorArguments = null)
{
    /// <summary>Why it failed, in the reader's language when the message came from a resource; else as stored.</summary>
    public string? ErrorText => ErrorCode is { } code && ImportFileMessages.Render(code, ErrorArguments) is { } text ? text : Error;

    /// <summary>Rows per second while running or over the whole run.</summary>
    public double? Rate => StartedAt is { } start && RowsRead > 0
        ? RowsRead / Math.Max(0.001, ((FinishedAt ?? DateTimeOffset.UtcNow) - start).TotalSeconds)
        : null;
}
