using System.Diagnostics;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Tests.Web.Sftp.Transport;

/// <summary>Downloads slowed by sftp -l, so there is time to break them while they run.</summary>
public sealed class InterruptedTransferTests
{
    private const int SlowKbps = 1000;

    [Fact]
    public async Task A_server_stopped_during_a_download_fails_it_and_leaves_no_partial_file()
    {
        var server = await SshServer.StartNewAsync();
        using var kit = new SftpTestKit(server, SlowKbps);
        try
        {
            server.WriteRemoteFile("big.bin", new byte[2_000_000]); // about 16 s at 1000 kbit/s
            var local = kit.LocalFile("big.bin");
            var download = kit.Client.DownloadAsync(kit.KeyEndpoint(), "big.bin", local, CancellationToken.None);
            await WaitUntilAsync(() => File.Exists(local) && new FileInfo(local).Length > 0, download);

            await server.StopAsync();

            var error = await Assert.ThrowsAsync<SftpTransportException>(() => download);
            Assert.Equal(SftpFailureKind.Connection, error.Kind);
            Assert.False(File.Exists(local));
            Assert.Empty(kit.LeftInWorkDirectory());

            // The fixture comes back on the same port with the same key.
            await server.StartAsync();
            Assert.Single(await kit.Client.ListAsync(kit.KeyEndpoint(), ".", CancellationToken.None));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_password_login_keeps_the_password_off_every_command_line_and_cancelling_kills_sftp_at_once()
    {
        var server = await SshServer.StartNewAsync();
        using var kit = new SftpTestKit(server, SlowKbps);
        try
        {
            server.WriteRemoteFile("big.bin", new byte[2_000_000]);
            var local = kit.LocalFile("big.bin");
            using var cancel = new CancellationTokenSource();
            var download = kit.Client.DownloadAsync(kit.PasswordEndpoint(), "big.bin", local, cancel.Token);
            await WaitUntilAsync(() => File.Exists(local) && new FileInfo(local).Length > 0, download);

            // sftp and the ssh it started both name the run's known_hosts file, under the kit's work directory.
            var ours = CommandLines().Where(c => c.Value.Contains(kit.Options.WorkDirectory)).ToList();
            Assert.Contains(ours, c => c.Value.StartsWith("sftp\0"));
            Assert.Contains(ours, c => c.Value.StartsWith("/usr/bin/ssh\0") || c.Value.StartsWith("ssh\0"));
            Assert.DoesNotContain(CommandLines(), c => c.Value.Contains(server.Password));

            var clock = Stopwatch.StartNew();
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
            Assert.All(ours, c => Assert.False(Directory.Exists($"/proc/{c.Key}") && !IsZombie(c.Key), $"process {c.Key} still runs"));
            Assert.False(File.Exists(local));
            Assert.Empty(kit.LeftInWorkDirectory());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Task transfer)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (transfer.IsCompleted)
                await transfer; // Surfaces its failure, or says it finished too soon.
            Assert.False(transfer.IsCompleted, "The transfer finished before the test could interrupt it.");
            Assert.True(DateTime.UtcNow < deadline, "The transfer did not start within 15 s.");
            await Task.Delay(20);
        }
    }

    private static Dictionary<int, string> CommandLines()
    {
        var lines = new Dictionary<int, string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
                continue;
            try
            {
                lines[pid] = File.ReadAllText(Path.Combine(directory, "cmdline"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return lines;
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
