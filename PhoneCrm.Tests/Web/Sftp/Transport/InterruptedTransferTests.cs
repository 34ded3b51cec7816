using System.Diagnostics;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Tests.Web.Sftp.Transport;

/// <summary>Downloads slowed by the transport's bandwidth cap, so there is time to break them while they run.</summary>
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
    public async Task A_password_login_starts_no_process_and_cancelling_stops_the_download_at_once()
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

            // The transport speaks SSH itself: no ssh or sftp child (the sshd ones are the fixture's), no password on a command line.
            Assert.DoesNotContain(ChildrenOfThisProcess(), c => c is "ssh" or "sftp" or "ssh-keyscan");
            Assert.DoesNotContain(CommandLines(), c => c.Value.Contains(server.Password));

            var clock = Stopwatch.StartNew();
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
            Assert.False(File.Exists(local));
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

    /// <summary>The command names (/proc/PID/comm) of this test process's direct children.</summary>
    private static List<string> ChildrenOfThisProcess()
    {
        var children = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1]) == Environment.ProcessId)
                    children.Add(File.ReadAllText(Path.Combine(directory, "comm")).Trim());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
            }
        }
        return children;
    }
}
