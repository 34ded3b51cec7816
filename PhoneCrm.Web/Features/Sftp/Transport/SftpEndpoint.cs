using PhoneCrm.Core.Sftp;

namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>One supplier's SFTP server and how to log in to it. The pinned host key is the only key trusted.</summary>
public sealed record SftpEndpoint(string Host, int Port, string UserName, SftpCredential Credential, HostKey PinnedHostKey);
