using Renci.SshNet;
using Renci.SshNet.Common;

namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>
/// SFTP on SSH.NET: each operation is one connection that trusts only the endpoint's pinned host key, logs in with
/// the credential held in memory, does its work within the operation timeout and closes. A pull makes a handful
/// of operations, so a connection each costs little and leaves no session to go stale between them.
/// </summary>
public sealed class SftpTransport(SftpTransportOptions options, ILogger<SftpTransport> logger)
{
    public Task<IReadOnlyList<SftpRemoteFile>> ListAsync(SftpEndpoint endpoint, string folder, CancellationToken ct) =>
        RunAsync<IReadOnlyList<SftpRemoteFile>>(endpoint, $"list {folder}", async (client, token) =>
        {
            var files = new List<SftpRemoteFile>();
            await foreach (var entry in client.ListDirectoryAsync(folder, token))
            {
                // Hidden files are often uploads in progress; links and folders are not files to import.
                if (entry.IsRegularFile && !entry.Name.StartsWith('.'))
                {
                    files.Add(new SftpRemoteFile(entry.Name, SftpRemotePath.Combine(folder, entry.Name), entry.Length,
                        new DateTimeOffset(DateTime.SpecifyKind(entry.LastWriteTimeUtc, DateTimeKind.Utc))));
                }
            }
            return files;
        }, ct);

    public Task DownloadAsync(SftpEndpoint endpoint, string remotePath, string localPath, CancellationToken ct)
    {
        var fullLocalPath = Path.GetFullPath(localPath);
        return RunAsync(endpoint, $"download {remotePath}", async (client, token) =>
        {
            try
            {
                await using var file = new FileStream(fullLocalPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await using Stream target = options.BandwidthLimitKbps is { } kbps ? new ThrottledStream(file, kbps) : file;
                await client.DownloadFileAsync(remotePath, target, token);
            }
            catch
            {
                // A half-written file must never look like a downloaded one.
                File.Delete(fullLocalPath);
                throw;
            }
            return true;
        }, ct);
    }

    /// <summary>
    /// Moves a file into a folder (created when missing) and returns where it landed. It never replaces a file:
    /// when the name is taken (the same name sent again with other content) the file gets a dated name beside it.
    /// </summary>
    public Task<string> MoveAsync(SftpEndpoint endpoint, string remotePath, string targetFolder, CancellationToken ct) =>
        RunAsync(endpoint, $"move {remotePath} to {targetFolder}", async (client, token) =>
        {
            await EnsureFolderAsync(client, targetFolder, token);
            var name = SftpRemotePath.FileName(remotePath);
            var now = DateTimeOffset.UtcNow;
            for (var attempt = 0; ; attempt++)
            {
                var target = SftpRemotePath.Combine(targetFolder, attempt == 0 ? name : SftpRemotePath.AlternativeName(name, now, attempt));
                if (await client.ExistsAsync(target, token))
                    continue;
                try
                {
                    // SFTP's plain rename (not OpenSSH's posix-rename) refuses an existing target, so a file that
                    // appeared since the check above is not replaced either.
                    await client.RenameFileAsync(remotePath, target, token);
                    return target;
                }
                catch (SshException) when (attempt < 20)
                {
                    if (!await client.ExistsAsync(target, token))
                        throw;
                }
            }
        }, ct);

    public Task UploadAsync(SftpEndpoint endpoint, string localPath, string remotePath, CancellationToken ct) =>
        RunAsync(endpoint, $"upload {remotePath}", async (client, token) =>
        {
            await using var file = new FileStream(Path.GetFullPath(localPath), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            await client.UploadFileAsync(file, remotePath, token);
            return true;
        }, ct);

    public Task DeleteAsync(SftpEndpoint endpoint, string remotePath, CancellationToken ct) =>
        RunAsync(endpoint, $"delete {remotePath}", async (client, token) =>
        {
            await client.DeleteFileAsync(remotePath, token);
            return true;
        }, ct);

    private static async Task EnsureFolderAsync(SftpClient client, string folder, CancellationToken token)
    {
        if (await client.ExistsAsync(folder, token))
            return;
        var parent = folder.TrimEnd('/');
        var slash = parent.LastIndexOf('/');
        if (slash > 0)
            await EnsureFolderAsync(client, parent[..slash], token);
        try
        {
            await client.CreateDirectoryAsync(folder, token);
        }
        catch (SshException)
        {
            // Fine if another pull made it meanwhile.
            if (!await client.ExistsAsync(folder, token))
                throw;
        }
    }

    private async Task<T> RunAsync<T>(SftpEndpoint endpoint, string operation, Func<SftpClient, CancellationToken, Task<T>> work,
        CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.OperationTimeout);
        var check = new PinnedHostKeyCheck(endpoint.PinnedHostKey);
        SftpClient? client = null;
        logger.LogDebug("SFTP {Operation} on {Host}:{Port} as {UserName}", operation, endpoint.Host, endpoint.Port, endpoint.UserName);
        try
        {
            client = new SftpClient(SshLogin.For(endpoint, options))
            {
                KeepAliveInterval = TimeSpan.FromSeconds(options.ServerAliveIntervalSeconds),
                OperationTimeout = options.RequestTimeout,
            };
            client.HostKeyReceived += check.OnHostKeyReceived;
            await client.ConnectAsync(timeout.Token);
            return await work(client, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw SftpFailures.TimedOut(endpoint, operation, options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (ct.IsCancellationRequested)
                throw new OperationCanceledException(ct);
            var failure = SftpFailures.Classify(e, endpoint, operation, check, client?.IsConnected == true);
            logger.LogWarning("SFTP {Operation} on {Host}:{Port} failed ({FailureKind}): {Detail}",
                operation, endpoint.Host, endpoint.Port, failure.Kind, failure.Detail);
            throw failure;
        }
        finally
        {
            client?.Dispose();
        }
    }
}
