namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>
/// A regular file in a remote folder. <see cref="ModifiedAt"/> is UTC with minute resolution for files
/// changed within the last six months and day resolution (midnight) for older or future-dated ones: that is
/// all sftp's <c>ls -l</c> prints.
/// </summary>
public sealed record SftpRemoteFile(string Name, string Path, long Size, DateTimeOffset ModifiedAt);
