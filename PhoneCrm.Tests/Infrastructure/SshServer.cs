using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using PhoneCrm.Core.Sftp;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>
/// A private OpenSSH server on 127.0.0.1 serving SFTP (internal-sftp) to <see cref="SshTestUser"/>, with a
/// fresh host key (ed25519 unless told otherwise) and ed25519 client key in a temp folder deleted afterwards. Logins land in
/// <see cref="RemoteRoot"/>, a local folder tests can fill directly. Use it as a class fixture, or start one
/// per test with <see cref="StartNewAsync"/> when the test stops the server.
/// </summary>
public sealed class SshServer : IAsyncLifetime
{
    public const string SshdPath = "/usr/sbin/sshd";
    private const string InstallHint = "Install the OpenSSH server: apt-get install -y openssh-server";

    private readonly StringBuilder _log = new();
    private readonly string _hostKeyType;
    private string _folder = "";
    private Process? _sshd;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    public string UserName => SshTestUser.Name;

    public string Password => SshTestUser.Password;

    /// <summary>An unencrypted OpenSSH ed25519 key whose public half the server accepts.</summary>
    public string ClientPrivateKeyPem { get; private set; } = "";

    public HostKey HostKey { get; private set; } = null!;

    /// <summary>A valid ed25519 key this server does not have, for "wrong pinned key" tests.</summary>
    public HostKey OtherHostKey { get; private set; } = null!;

    /// <summary>The server's host key file (.pub), for comparing with ssh-keygen -lf.</summary>
    public string HostKeyPublicFile => HostKeyFile + ".pub";

    private string HostKeyFile => Path.Combine(_folder, $"ssh_host_{_hostKeyType}_key");

    /// <summary>The local folder the SFTP user starts in ("." on the server), owned by that user.</summary>
    public string RemoteRoot => Path.Combine(_folder, "root");

    /// <summary>What sshd printed (-e), for a failing test's message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    public SshServer()
        : this("ed25519")
    {
    }

    /// <param name="hostKeyType">ssh-keygen's -t: "ed25519", "rsa" or "ecdsa"; the server has this one host key only.</param>
    private SshServer(string hostKeyType) => _hostKeyType = hostKeyType;

    public static async Task<SshServer> StartNewAsync(string hostKeyType = "ed25519")
    {
        var server = new SshServer(hostKeyType);
        await server.InitializeAsync();
        return server;
    }

    /// <summary>Writes a file as if the SFTP user had uploaded it; returns its local path.</summary>
    public string WriteRemoteFile(string relativePath, byte[] content)
    {
        var path = Path.Combine(RemoteRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        SshTestUser.Own(RemoteRoot);
        return path;
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(SshdPath))
            throw new InvalidOperationException($"{SshdPath} is missing. {InstallHint}");
        _folder = Path.Combine(Path.GetTempPath(), "phonecrm-sshd-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        Directory.CreateDirectory(RemoteRoot);
        try
        {
            HostKey = HostKey.Parse(GenerateKey(Path.GetFileName(HostKeyFile), _hostKeyType));
            OtherHostKey = HostKey.Parse(GenerateKey("other_host_key"));
            File.WriteAllText(Path.Combine(_folder, "authorized_keys"), GenerateKey("client_key"));
            ClientPrivateKeyPem = File.ReadAllText(Path.Combine(_folder, "client_key"));
            SshTestUser.Own(RemoteRoot);
            // sshd's privilege separation needs this folder even in -D mode.
            Directory.CreateDirectory("/run/sshd");
            await StartOnFreePortAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Makes another client key the server accepts and returns its private half: <paramref name="type"/> as ssh-keygen's
    /// -t, encrypted with <paramref name="passphrase"/> unless it is empty, in the old PEM format when asked.
    /// </summary>
    public string AddClientKey(string type, string passphrase = "", bool pemFormat = false)
    {
        var name = $"client_{type}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var publicKey = GenerateKey(name, type, passphrase, pemFormat);
        File.AppendAllText(Path.Combine(_folder, "authorized_keys"), publicKey);
        return File.ReadAllText(Path.Combine(_folder, name));
    }

    /// <summary>Starts the server again on the same port after <see cref="StopAsync"/>.</summary>
    public Task StartAsync() => StartSshdAsync(Port);

    /// <summary>Kills the listener and every per-connection sshd it started, so open sessions break at once.</summary>
    public async Task StopAsync()
    {
        if (_sshd is null)
            return;
        var victims = SshdProcessTree.DescendantsOf(_sshd.Id).Prepend(_sshd.Id).ToList();
        foreach (var pid in victims)
            SshdProcessTree.Kill(pid);
        await _sshd.WaitForExitAsync();
        await SshdProcessTree.WaitGoneAsync(victims, TimeSpan.FromSeconds(10));
        _sshd.Dispose();
        _sshd = null;
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (_folder.Length > 0 && Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private async Task StartOnFreePortAsync()
    {
        // Another process can take the free port before sshd binds it; a lost race is retried on a new one.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartSshdAsync(FreePort.Next());
                return;
            }
            catch (InvalidOperationException) when (attempt < 5 && Log.Contains("Address already in use"))
            {
            }
        }
    }

    private async Task StartSshdAsync(int port)
    {
        Port = port;
        var config = WriteConfig(port);
        lock (_log)
            _log.Clear();
        var startInfo = new ProcessStartInfo(SshdPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-D", "-e", "-f", config })
            startInfo.ArgumentList.Add(argument);
        var sshd = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {SshdPath}.");
        sshd.ErrorDataReceived += (_, e) => Append(e.Data);
        sshd.OutputDataReceived += (_, e) => Append(e.Data);
        sshd.BeginErrorReadLine();
        sshd.BeginOutputReadLine();
        _sshd = sshd;

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await AcceptsConnectionsAsync(port))
        {
            if (sshd.HasExited || DateTime.UtcNow > deadline)
            {
                await StopAsync();
                throw new InvalidOperationException($"sshd did not start on port {port}:\n{Log}");
            }
            await Task.Delay(50);
        }
    }

    private string WriteConfig(int port)
    {
        var config = Path.Combine(_folder, "sshd_config");
        File.WriteAllText(config, $"""
            Port {port}
            ListenAddress 127.0.0.1
            HostKey {HostKeyFile}
            PidFile {Path.Combine(_folder, "sshd.pid")}
            AllowUsers {SshTestUser.Name}
            UsePAM no
            PasswordAuthentication yes
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            AuthorizedKeysFile {Path.Combine(_folder, "authorized_keys")}
            StrictModes no
            PermitRootLogin no
            MaxStartups 100
            LogLevel VERBOSE
            Subsystem sftp internal-sftp
            Match User {SshTestUser.Name}
                ForceCommand internal-sftp -d {RemoteRoot}

            """);
        return config;
    }

    private string GenerateKey(string name, string type = "ed25519", string passphrase = "", bool pemFormat = false)
    {
        var file = Path.Combine(_folder, name);
        string[] format = pemFormat ? ["-m", "PEM"] : [];
        ShellCommand.Run("ssh-keygen", ["-q", "-t", type, "-N", passphrase, "-C", name, .. format, "-f", file]);
        return File.ReadAllText(file + ".pub");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
