using Microsoft.Extensions.Logging;

namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>
/// SFTP through the OpenSSH client: each operation is one <c>sftp -b -</c> run with its commands on stdin.
/// No .NET SSH library is available here, and OpenSSH's host key checking and key handling are the
/// reference anyway. Every run trusts only the endpoint's pinned host key.
/// </summary>
public sealed class OpenSshSftpClient(SftpTransportOptions options, ILogger<OpenSshSftpClient> logger)
{
    public async Task<IReadOnlyList<SftpRemoteFile>> ListAsync(SftpEndpoint endpoint, string folder, CancellationToken ct)
    {
        // After a cd, ls prints bare names (see SftpListingParser); without -a hidden files (often uploads in
        // progress) are left out.
        var output = await RunAsync(endpoint, $"cd {SftpBatchQuoting.Quote(folder)}\nls -ln\n", $"list {folder}", ct);
        return SftpListingParser.Parse(output, folder, DateTimeOffset.UtcNow);
    }

    public async Task DownloadAsync(SftpEndpoint endpoint, string remotePath, string localPath, CancellationToken ct)
    {
        var fullLocalPath = Path.GetFullPath(localPath);
        try
        {
            await RunAsync(endpoint,
                $"get {SftpBatchQuoting.Quote(remotePath)} {SftpBatchQuoting.Quote(fullLocalPath)}\n",
                $"download {remotePath}", ct);
        }
        catch
        {
            // A half-written file must never look like a downloaded one.
            File.Delete(fullLocalPath);
            throw;
        }
    }

    public Task MoveAsync(SftpEndpoint endpoint, string remotePath, string targetFolder, CancellationToken ct)
    {
        var target = SftpBatchQuoting.Combine(targetFolder, RemoteFileName(remotePath));
        // "-" lets the batch go on when the folder exists (sftp says only "Failure"); a real mkdir problem
        // still surfaces as the rename's failure. OpenSSH's rename uses posix-rename, which replaces an
        // existing target.
        var batch = $"-mkdir {SftpBatchQuoting.Quote(targetFolder)}\n" +
                    $"rename {SftpBatchQuoting.Quote(remotePath)} {SftpBatchQuoting.Quote(target)}\n";
        return RunAsync(endpoint, batch, $"move {remotePath} to {targetFolder}", ct);
    }

    public Task UploadAsync(SftpEndpoint endpoint, string localPath, string remotePath, CancellationToken ct) =>
        RunAsync(endpoint,
            $"put {SftpBatchQuoting.Quote(Path.GetFullPath(localPath))} {SftpBatchQuoting.Quote(remotePath)}\n",
            $"upload {remotePath}", ct);

    public Task DeleteAsync(SftpEndpoint endpoint, string remotePath, CancellationToken ct) =>
        RunAsync(endpoint, $"rm {SftpBatchQuoting.Quote(remotePath)}\n", $"delete {remotePath}", ct);

    /// <summary>Logs in and lists the folder, as the settings page's "Test connection" does.</summary>
    public Task CheckLoginAsync(SftpEndpoint endpoint, string folder, CancellationToken ct) =>
        ListAsync(endpoint, folder, ct);

    private async Task<string> RunAsync(SftpEndpoint endpoint, string batch, string operation, CancellationToken ct)
    {
        // File modes are how the key and the askpass helper stay private; the transport needs Unix anyway.
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("The SFTP transport drives the OpenSSH client on Linux.");
        using var folder = SftpWorkFolder.Create(options.WorkDirectory, endpoint);
        var arguments = OpenSshArguments.ForSftp(endpoint, options, folder);
        var environment = new Dictionary<string, string>();
        if (endpoint.Credential is SftpCredential.Password password)
        {
            environment["SSH_ASKPASS"] = folder.AskPassFile!;
            environment["SSH_ASKPASS_REQUIRE"] = "force";
            environment[SftpWorkFolder.PasswordVariable] = password.Value;
        }
        else
        {
            // An encrypted key must fail as a login failure rather than wait for a passphrase.
            environment["SSH_ASKPASS_REQUIRE"] = "never";
        }

        logger.LogDebug("SFTP {Operation} on {Host}:{Port} as {UserName}", operation, endpoint.Host, endpoint.Port, endpoint.UserName);
        var result = await OpenSshProcess.RunAsync(options.SftpPath, arguments, batch, environment,
            options.OperationTimeout, text => SecretScrubber.Scrub(text, endpoint.Credential), ct);
        if (result.ExitCode == 0)
            return result.Stdout;

        var failure = SftpFailureClassifier.Classify(result.ExitCode, result.StderrTail, endpoint, operation);
        logger.LogWarning("SFTP {Operation} on {Host}:{Port} failed ({FailureKind}, exit {ExitCode}): {Stderr}",
            operation, endpoint.Host, endpoint.Port, failure.Kind, result.ExitCode, failure.Stderr);
        throw failure;
    }

    private static string RemoteFileName(string remotePath)
    {
        var name = remotePath.TrimEnd('/');
        var slash = name.LastIndexOf('/');
        return slash < 0 ? name : name[(slash + 1)..];
    }
}
