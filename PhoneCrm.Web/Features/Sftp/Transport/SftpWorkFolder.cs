using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using PhoneCrm.Web.Features.Shared;

namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>
/// The files one sftp run needs, in a folder of its own (0700) under the work directory, deleted when the
/// run ends whatever happened. A folder per run keeps concurrent pulls apart and makes "the key file is gone"
/// a matter of deleting one folder.
/// </summary>
internal sealed class SftpWorkFolder : IDisposable
{
    /// <summary>The name ssh looks the pinned key up under, so the known_hosts line does not depend on how the
    /// host and port are written (a name, an IP, "[host]:port").</summary>
    public const string HostKeyAlias = "phonecrm-pinned-host";

    /// <summary>The environment variable, set on the sftp process only, from which the askpass helper prints the password.</summary>
    public const string PasswordVariable = "PHONECRM_SFTP_PASSWORD";

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private SftpWorkFolder(string path) => Path = path;

    public string Path { get; }

    public string KnownHostsFile => System.IO.Path.Combine(Path, "known_hosts");

    /// <summary>Set when the credential is a private key.</summary>
    public string? PrivateKeyFile { get; private init; }

    /// <summary>Set when the credential is a password.</summary>
    public string? AskPassFile { get; private init; }

    [UnsupportedOSPlatform("windows")]
    public static SftpWorkFolder Create(string workDirectory, SftpEndpoint endpoint)
    {
        var path = System.IO.Path.Combine(PrivateDirectory.Ensure(workDirectory), "run-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        Directory.CreateDirectory(path, OwnerOnlyFolder);
        try
        {
            var folder = new SftpWorkFolder(path)
            {
                PrivateKeyFile = endpoint.Credential is SftpCredential.PrivateKey key
                    ? WriteNew(System.IO.Path.Combine(path, "id"), NormalizeKey(key.Pem), UnixFileMode.UserRead | UnixFileMode.UserWrite)
                    : null,
                // The script holds no secret: it prints a variable that exists only in the sftp process tree.
                AskPassFile = endpoint.Credential is SftpCredential.Password
                    ? WriteNew(System.IO.Path.Combine(path, "askpass"), $"#!/bin/sh\nprintf '%s\\n' \"${PasswordVariable}\"\n", OwnerOnlyFolder)
                    : null,
            };
            WriteNew(folder.KnownHostsFile, $"{HostKeyAlias} {endpoint.PinnedHostKey}\n",
                UnixFileMode.UserRead | UnixFileMode.UserWrite);
            return folder;
        }
        catch
        {
            Directory.Delete(path, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>OpenSSH refuses a key whose last line has no newline, and pasted keys often have CRLF.</summary>
    internal static string NormalizeKey(string pem) => pem.Trim().ReplaceLineEndings("\n") + "\n";

    [UnsupportedOSPlatform("windows")]
    private static string WriteNew(string path, string content, UnixFileMode mode)
    {
        // Created with its final mode, so the secret is never readable by others, not even for a moment.
        using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = mode,
        });
        stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content));
        return path;
    }
}
