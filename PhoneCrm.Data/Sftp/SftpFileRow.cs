namespace PhoneCrm.Data.Sftp;

/// <summary>One file of a pull as the pull log shows it.</summary>
public sealed record SftpFileRow(long Id, string RemotePath, long Size, string Status, long RowsImported, long? ImportBatchId,
    string? Detail, bool Settled, string? SettledPath);
