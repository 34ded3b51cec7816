namespace PhoneCrm.Data.Sftp;

/// <summary>One pull as the pull log shows it.</summary>
public sealed record SftpRunRow(
    long Id, long HostId, string HostName, string Trigger, string Status, int FilesFound, int FilesImported,
    int FilesSkipped, int FilesFailed, long RowsImported, string? Error, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;
}
