using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PhoneCrm.Core.Sftp;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Tests.Web.Sftp.Transport;

/// <summary>A client with a work directory of its own (so a test can see it left nothing behind) and endpoints for a test server.</summary>
public sealed class SftpTestKit : IDisposable
{
    public SftpTestKit(SshServer server, int? bandwidthLimitKbps = null)
    {
        Server = server;
        Local = Directory.CreateTempSubdirectory("phonecrm-sftp-local-").FullName;
        Options = new SftpTransportOptions
        {
            WorkDirectory = Path.Combine(Local, "work"),
            BandwidthLimitKbps = bandwidthLimitKbps,
            ConnectTimeoutSeconds = 5,
        };
        Client = new OpenSshSftpClient(Options, NullLogger<OpenSshSftpClient>.Instance);
    }

    public SshServer Server { get; }

    /// <summary>A local scratch folder for downloads and uploads.</summary>
    public string Local { get; }

    public SftpTransportOptions Options { get; }

    public OpenSshSftpClient Client { get; }

    public SftpEndpoint KeyEndpoint(HostKey? pinned = null) =>
        new(Server.Host, Server.Port, Server.UserName, new SftpCredential.PrivateKey(Server.ClientPrivateKeyPem), pinned ?? Server.HostKey);

    public SftpEndpoint PasswordEndpoint(string? password = null) =>
        new(Server.Host, Server.Port, Server.UserName, new SftpCredential.Password(password ?? Server.Password), Server.HostKey);

    public string LocalFile(string name) => Path.Combine(Local, name);

    /// <summary>Whatever each run put in the work directory (keys, askpass, known_hosts) must be gone after it.</summary>
    public IReadOnlyList<string> LeftInWorkDirectory() => Directory.Exists(Options.WorkDirectory)
        ? Directory.GetFileSystemEntries(Options.WorkDirectory, "*", SearchOption.AllDirectories)
        : [];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public void Dispose() => Directory.Delete(Local, recursive: true);
}
