using System.Security.Cryptography;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>
/// The Unix account test SFTP servers log in as, created on first use. Its random password is kept in a
/// root-only file and reused, because the account is shared by every test process on the machine (other
/// checkouts included): a fresh password per process would break a concurrent run's password logins.
/// </summary>
public static class SshTestUser
{
    public const string Name = "phonecrm-sftp";

    private static readonly Lazy<string> _password = new(Ensure, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Password => _password.Value;

    /// <summary>Makes the account own a file or folder (and what is in it) that the test wrote, as if it had uploaded it.</summary>
    public static void Own(string path)
    {
        _ = _password.Value; // The account exists from here on.
        ShellCommand.Run("chown", ["-R", $"{Name}:", path]);
    }

    private static string Ensure()
    {
        if (!Environment.IsPrivilegedProcess)
            throw new InvalidOperationException("The SFTP tests create a Unix user and run sshd, so they must run as root.");
        try
        {
            ShellCommand.Run("id", ["-u", Name]);
        }
        catch (InvalidOperationException)
        {
            // No home and no shell: sshd serves it internal-sftp only, started in the fixture's folder.
            ShellCommand.Run("useradd", ["--no-create-home", "--home-dir", "/", "--shell", "/usr/sbin/nologin", Name]);
        }
        var password = SharedPassword();
        // Also unlocks the account: sshd refuses even key logins to an account whose password is "!".
        ShellCommand.Run("chpasswd", [], stdin: $"{Name}:{password}\n");
        return password;
    }

    private static string SharedPassword()
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("The SFTP tests need Linux.");
        var file = Path.Combine(Path.GetTempPath(), "phonecrm-sftp-test-user.password");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var stream = new FileStream(file, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
                var password = "Pw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
                stream.Write(System.Text.Encoding.ASCII.GetBytes(password));
                return password;
            }
            catch (IOException) when (File.Exists(file))
            {
                var existing = File.ReadAllText(file).Trim();
                if (existing.Length > 0)
                    return existing;
                Thread.Sleep(100); // Another process has created it and is writing it.
            }
        }
        throw new InvalidOperationException($"{file} stays empty; delete it and run again.");
    }
}
