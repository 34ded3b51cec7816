namespace PhoneCrm.Data.Sftp;

/// <summary>A remote file as one listing showed it: the ledger's key for "the same file again".</summary>
public sealed record SftpFileSeen(string RemotePath, long Size, DateTimeOffset ModifiedAt);
