using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Tests.Web.Sftp.Transport;

public sealed class HostKeyScannerTests(SshServer server) : IClassFixture<SshServer>
{
    private readonly HostKeyScanner _scanner = new(new SftpTransportOptions { ConnectTimeoutSeconds = 3 });

    [Fact]
    public async Task Scan_returns_the_servers_key_with_the_fingerprint_ssh_keygen_prints()
    {
        var expected = ShellCommand.Run("ssh-keygen", ["-l", "-E", "sha256", "-f", server.HostKeyPublicFile]).Split(' ')[1];

        var keys = await _scanner.ScanAsync(server.Host, server.Port, CancellationToken.None);

        var key = Assert.Single(keys);
        Assert.Equal(server.HostKey, key);
        Assert.Equal(expected, key.Fingerprint);
    }

    [Fact]
    public async Task Scan_of_a_port_nobody_listens_on_is_a_connection_failure()
    {
        var error = await Assert.ThrowsAsync<SftpTransportException>(() =>
            _scanner.ScanAsync("127.0.0.1", FreePort.Next(), CancellationToken.None));

        Assert.Equal(SftpFailureKind.Connection, error.Kind);
    }

    [Fact]
    public async Task Scan_refuses_a_host_that_would_read_as_an_option()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _scanner.ScanAsync("-oProxyCommand=id", 22, CancellationToken.None));
    }
}
