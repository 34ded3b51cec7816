using Microsoft.Extensions.Logging.Abstractions;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Tests.Web.Sftp.Transport;

public sealed class SftpTransportTests(SshServer server) : IClassFixture<SshServer>, IDisposable
{
    private readonly SftpTestKit _kit = new(server);

    [Fact]
    public async Task Key_login_lists_only_regular_files_with_size_and_time()
    {
        server.WriteRemoteFile("list/prices.csv", new byte[1234]);
        server.WriteRemoteFile("list/sub/nested.csv", [1]);
        File.CreateSymbolicLink(Path.Combine(server.RemoteRoot, "list", "link.csv"), "prices.csv");
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        var files = await _kit.Client.ListAsync(_kit.KeyEndpoint(), "list", CancellationToken.None);

        var file = Assert.Single(files);
        Assert.Equal(("prices.csv", "list/prices.csv", 1234L), (file.Name, file.Path, file.Size));
        Assert.InRange(file.ModifiedAt, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Key_login_downloads_moves_uploads_and_deletes()
    {
        var content = SftpTestKit.Text("number;name\n+79123456789;Ivan\n");
        server.WriteRemoteFile("flow/in/calls.csv", content);
        var endpoint = _kit.KeyEndpoint();

        await _kit.Client.DownloadAsync(endpoint, "flow/in/calls.csv", _kit.LocalFile("calls.csv"), CancellationToken.None);
        Assert.Equal(content, await File.ReadAllBytesAsync(_kit.LocalFile("calls.csv")));

        // The target folder is created on first use and reused afterwards; a name already there is never replaced.
        Assert.Equal("flow/done/calls.csv", await _kit.Client.MoveAsync(endpoint, "flow/in/calls.csv", "flow/done", CancellationToken.None));
        server.WriteRemoteFile("flow/in/calls.csv", SftpTestKit.Text("second"));
        var second = await _kit.Client.MoveAsync(endpoint, "flow/in/calls.csv", "flow/done/", CancellationToken.None);
        Assert.False(File.Exists(Path.Combine(server.RemoteRoot, "flow/in/calls.csv")));
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(server.RemoteRoot, "flow/done/calls.csv")));
        Assert.Matches(@"^flow/done/calls\.\d{8}-\d{6}\.csv$", second);
        Assert.Equal("second", await File.ReadAllTextAsync(Path.Combine(server.RemoteRoot, second)));

        await File.WriteAllTextAsync(_kit.LocalFile("reason.txt"), "Row 2: bad number");
        await _kit.Client.UploadAsync(endpoint, _kit.LocalFile("reason.txt"), "flow/done/calls.csv.reason.txt", CancellationToken.None);
        Assert.Equal("Row 2: bad number", await File.ReadAllTextAsync(Path.Combine(server.RemoteRoot, "flow/done/calls.csv.reason.txt")));

        await _kit.Client.DeleteAsync(endpoint, "flow/done/calls.csv.reason.txt", CancellationToken.None);
        Assert.False(File.Exists(Path.Combine(server.RemoteRoot, "flow/done/calls.csv.reason.txt")));
    }

    [Fact]
    public async Task Password_login_lists_and_downloads()
    {
        server.WriteRemoteFile("pw/a.csv", SftpTestKit.Text("abc"));
        var endpoint = _kit.PasswordEndpoint();

        var files = await _kit.Client.ListAsync(endpoint, "pw", CancellationToken.None);
        await _kit.Client.DownloadAsync(endpoint, files.Single().Path, _kit.LocalFile("a.csv"), CancellationToken.None);

        Assert.Equal("abc", await File.ReadAllTextAsync(_kit.LocalFile("a.csv")));
    }

    [Fact]
    public async Task Names_with_spaces_quotes_and_glob_characters_round_trip()
    {
        string[] names = ["a b \"q\".csv", "it's [1] *?.csv", "-dash.csv", "back\\slash.csv", "Прайс.csv", "  lead.csv"];
        foreach (var name in names)
            server.WriteRemoteFile(Path.Combine("odd", name), SftpTestKit.Text(name));
        var endpoint = _kit.KeyEndpoint();

        var files = await _kit.Client.ListAsync(endpoint, "odd", CancellationToken.None);
        Assert.Equal(names.Order(StringComparer.Ordinal), files.Select(f => f.Name).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            await _kit.Client.DownloadAsync(endpoint, file.Path, _kit.LocalFile("copy"), CancellationToken.None);
            Assert.Equal(file.Name, await File.ReadAllTextAsync(_kit.LocalFile("copy")));
            await _kit.Client.UploadAsync(endpoint, _kit.LocalFile("copy"), "odd/" + file.Name + ".reason.txt", CancellationToken.None);
            await _kit.Client.MoveAsync(endpoint, file.Path, "odd/moved \"here\"", CancellationToken.None);
        }

        foreach (var name in names)
        {
            Assert.Equal(name, await File.ReadAllTextAsync(Path.Combine(server.RemoteRoot, "odd", "moved \"here\"", name)));
            Assert.True(File.Exists(Path.Combine(server.RemoteRoot, "odd", name + ".reason.txt")), name);
        }
    }

    [Fact]
    public async Task A_wrong_pinned_key_is_a_host_key_mismatch_and_downloads_nothing()
    {
        server.WriteRemoteFile("mitm/a.csv", SftpTestKit.Text("secret"));

        var error = await Assert.ThrowsAsync<SftpTransportException>(() => _kit.Client.DownloadAsync(
            _kit.KeyEndpoint(server.OtherHostKey), "mitm/a.csv", _kit.LocalFile("a.csv"), CancellationToken.None));

        Assert.Equal(SftpFailureKind.HostKeyMismatch, error.Kind);
        Assert.Contains(server.OtherHostKey.Fingerprint, error.Message);
        Assert.Equal(server.HostKey, error.PresentedHostKey);
        Assert.Contains(server.HostKey.Fingerprint, error.Detail);
        Assert.False(File.Exists(_kit.LocalFile("a.csv")));
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_failure_that_does_not_repeat_the_password()
    {
        const string wrong = "Wrong-Password-7d1f";

        var error = await Assert.ThrowsAsync<SftpTransportException>(() =>
            _kit.Client.ListAsync(_kit.PasswordEndpoint(wrong), ".", CancellationToken.None));

        Assert.Equal(SftpFailureKind.Authentication, error.Kind);
        Assert.Contains("Permission denied", error.Detail);
        Assert.DoesNotContain(wrong, error.Message + error.Detail + error);
    }

    [Fact]
    public async Task A_missing_remote_file_is_a_command_failure()
    {
        var error = await Assert.ThrowsAsync<SftpTransportException>(() => _kit.Client.DownloadAsync(
            _kit.KeyEndpoint(), "nowhere/none.csv", _kit.LocalFile("none.csv"), CancellationToken.None));

        Assert.Equal(SftpFailureKind.Command, error.Kind);
        Assert.Contains("not found", error.Message);
        Assert.False(File.Exists(_kit.LocalFile("none.csv")));
    }

    [Fact]
    public async Task A_closed_port_is_a_connection_failure()
    {
        var endpoint = _kit.KeyEndpoint() with { Port = FreePort.Next() };

        var error = await Assert.ThrowsAsync<SftpTransportException>(() => _kit.Client.ListAsync(endpoint, ".", CancellationToken.None));

        Assert.Equal(SftpFailureKind.Connection, error.Kind);
        Assert.Contains("Connection refused", error.Detail);
        Assert.DoesNotContain(server.ClientPrivateKeyPem.Split('\n')[1], error.Detail);
    }

    [Fact]
    public void Credentials_do_not_print_their_secret()
    {
        var endpoint = _kit.PasswordEndpoint("Hunter2-Secret") with { };

        Assert.DoesNotContain("Hunter2-Secret", endpoint.ToString());
        Assert.DoesNotContain(server.ClientPrivateKeyPem.Split('\n')[1], _kit.KeyEndpoint().ToString());
    }

    [Theory]
    [InlineData("ed25519", "", false)]
    [InlineData("ed25519", "Key-Passphrase-1", false)]
    [InlineData("ecdsa", "Key-Passphrase-2", false)]
    [InlineData("rsa", "", true)]
    [InlineData("rsa", "Key-Passphrase-3", true)]
    [InlineData("rsa", "", false)]
    public async Task Keys_of_every_type_and_format_log_in_from_memory(string type, string passphrase, bool pemFormat)
    {
        var key = server.AddClientKey(type, passphrase, pemFormat);
        server.WriteRemoteFile($"keys-{type}-{passphrase.Length}-{pemFormat}/a.csv", SftpTestKit.Text("abc"));

        var files = await _kit.Client.ListAsync(_kit.KeyEndpoint(key, passphrase), $"keys-{type}-{passphrase.Length}-{pemFormat}",
            CancellationToken.None);

        Assert.Equal("a.csv", Assert.Single(files).Name);
    }

    [Theory]
    [InlineData("Wrong-Passphrase-9", "the passphrase is wrong")]
    [InlineData(null, "enter its passphrase")]
    public async Task An_encrypted_key_with_a_wrong_or_missing_passphrase_says_so_and_names_no_secret(string? passphrase, string expected)
    {
        const string right = "Right-Passphrase-4";
        var key = server.AddClientKey("ed25519", right);

        var error = await Assert.ThrowsAsync<SftpTransportException>(() =>
            _kit.Client.ListAsync(_kit.KeyEndpoint(key, passphrase), ".", CancellationToken.None));

        Assert.Equal(SftpFailureKind.Authentication, error.Kind);
        Assert.Contains(expected, error.Message);
        var everything = error.Message + error.Detail + error;
        Assert.DoesNotContain(right, everything);
        Assert.DoesNotContain(key.Split('\n')[1], everything);
        if (passphrase is not null)
            Assert.DoesNotContain(passphrase, everything);
    }

    [Fact]
    public async Task A_bandwidth_cap_slows_a_download_to_its_rate()
    {
        server.WriteRemoteFile("slow/a.bin", new byte[250_000]); // 2 s at 1000 kbit/s
        var capped = new SftpTransport(new SftpTransportOptions { BandwidthLimitKbps = 1000 }, NullLogger<SftpTransport>.Instance);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await capped.DownloadAsync(_kit.KeyEndpoint(), "slow/a.bin", _kit.LocalFile("a.bin"), CancellationToken.None);

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15));
        Assert.Equal(250_000, new FileInfo(_kit.LocalFile("a.bin")).Length);
    }

    public void Dispose() => _kit.Dispose();
}
