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

    [Theory]
    [InlineData("rsa")]
    [InlineData("ecdsa")]
    public async Task Scan_and_login_work_with_a_server_that_has_only_one_other_key_type(string type)
    {
        var only = await SshServer.StartNewAsync(type);
        try
        {
            var key = Assert.Single(await _scanner.ScanAsync(only.Host, only.Port, CancellationToken.None));
            Assert.Equal(only.HostKey, key);
            using var kit = new SftpTestKit(only);
            only.WriteRemoteFile("a.csv", SftpTestKit.Text("abc"));

            var files = await kit.Client.ListAsync(kit.KeyEndpoint(key), ".", CancellationToken.None);

            Assert.Equal("a.csv", Assert.Single(files).Name);
            // A key of another type pinned for it is refused as a mismatch, not taken for the one it has.
            var error = await Assert.ThrowsAsync<SftpTransportException>(() =>
                kit.Client.ListAsync(kit.KeyEndpoint(server.HostKey), ".", CancellationToken.None));
            Assert.Equal(SftpFailureKind.HostKeyMismatch, error.Kind);
        }
        finally
        {
            await only.DisposeAsync();
        }
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
