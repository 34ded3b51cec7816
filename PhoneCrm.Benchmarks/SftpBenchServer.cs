using System.Diagnostics;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// The private OpenSSH server scripts/bench.sh starts for the SFTP section, as its PHONECRM_BENCH_SFTP_*
/// variables describe it: logins as <paramref name="UserName"/> with the client key land in <paramref name="Root"/>.
/// </summary>
public sealed record SftpBenchServer(int Port, string UserName, string PrivateKeyFile, string HostPublicKeyFile, string Root)
{
    /// <summary>Null when the script did not start one (not root, or an older script).</summary>
    public static SftpBenchServer? FromEnvironment()
    {
        string? Read(string name) => Environment.GetEnvironmentVariable("PHONECRM_BENCH_SFTP_" + name) is { Length: > 0 } value ? value : null;
        var port = Read("PORT");
        var user = Read("USER");
        var key = Read("KEY");
        var hostKey = Read("HOST_KEY");
        var root = Read("ROOT");
        return port is null || user is null || key is null || hostKey is null || root is null
            ? null
            : new SftpBenchServer(int.Parse(port), user, key, hostKey, root);
    }

    /// <summary>Puts a file in the server's folder as a careful supplier uploads one: under a hidden name (listings
    /// leave it out), owned by the SFTP user (who must be able to move it away), then renamed in one step, so no
    /// listing ever shows it half-written.</summary>
    public void Upload(string localPath, string remoteName)
    {
        var partial = Path.Combine(Root, $".{remoteName}.part");
        File.Copy(localPath, partial, overwrite: true);
        using var chown = Process.Start("chown", [$"{UserName}:", partial]) ?? throw new InvalidOperationException("Could not run chown.");
        chown.WaitForExit();
        if (chown.ExitCode != 0)
            throw new InvalidOperationException($"chown of {partial} to {UserName} failed (exit {chown.ExitCode}).");
        File.Move(partial, Path.Combine(Root, remoteName), overwrite: true);
    }
}
