namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>A regular file in a remote folder, with its size and modification time (UTC) from the SFTP attributes.</summary>
public sealed record SftpRemoteFile(string Name, string Path, long Size, DateTimeOffset ModifiedAt);
