using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PhoneCrm.Core.Sftp;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Tests.Web.Sftp.Transport;

/// <summary>A client and a local scratch folder for a test server, and endpoints that log in to it.</summary>
public sealed class SftpTestKit : IDisposable
{
    public SftpTestKit(SshServer server, int? bandwidthLimitKbps = null)
    {
        Server = server;
        Local = Directory.CreateTempSubdirectory("phonecrm-sftp-local-").FullName;
        Options = new SftpTransportOptions { BandwidthLimitKbps = bandwidthLimitKbps, ConnectTimeoutSeconds = 5 };
        Client = new SftpTransport(Options, NullLogger<SftpTransport>.Instance);
    }

    public SshServer Server { get; }

    /// <summary>A local scratch folder for downloads and uploads.</summary>
    public string Local { get; }

    public SftpTransportOptions Options { get; }

    public SftpTransport Client { get; }

    public SftpEndpoint KeyEndpoint(HostKey? pinned = null) =>
        new(Server.Host, Server.Port, Server.UserName, new SftpCredential.PrivateKey(Server.ClientPrivateKeyPem), pinned ?? Server.HostKey);

    public SftpEndpoint KeyEndpoint(string privateKey, string? passphrase) =>
        new(Server.Host, Server.Port, Server.UserName, new SftpCredential.PrivateKey(privateKey, passphrase), Server.HostKey);

    public SftpEndpoint PasswordEndpoint(string? password = null) =>
        new(Server.Host, Server.Port, Server.UserName, new SftpCredential.Password(password ?? Server.Password), Server.HostKey);

    public string LocalFile(string name) => Path.Combine(Local, name);

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public void Dispose() => Directory.Delete(Local, recursive: true);
}
