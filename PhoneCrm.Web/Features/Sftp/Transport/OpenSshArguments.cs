using System.Globalization;

namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>The sftp command line for one run. It never contains a secret: a password travels through the
/// askpass helper's environment and a key through a 0600 file.</summary>
internal static class OpenSshArguments
{
    public static IReadOnlyList<string> ForSftp(SftpEndpoint endpoint, SftpTransportOptions options, SftpWorkFolder folder)
    {
        EnsureSafeDestination(endpoint);
        var args = new List<string> { "-F", "/dev/null" };
        if (endpoint.Credential is SftpCredential.Password)
        {
            // Must precede -b: sftp -b adds BatchMode=yes, and ssh keeps the first value it is given.
            Option(args, "BatchMode", "no");
            Option(args, "PubkeyAuthentication", "no");
            Option(args, "PreferredAuthentications", "password,keyboard-interactive");
            Option(args, "NumberOfPasswordPrompts", "1");
        }
        else
        {
            args.Add("-i");
            args.Add(folder.PrivateKeyFile!);
            Option(args, "IdentitiesOnly", "yes");
            Option(args, "PasswordAuthentication", "no");
            Option(args, "KbdInteractiveAuthentication", "no");
            Option(args, "PreferredAuthentications", "publickey");
        }
        args.AddRange(["-b", "-"]);
        Option(args, "IdentityAgent", "none");
        Option(args, "StrictHostKeyChecking", "yes");
        Option(args, "UserKnownHostsFile", folder.KnownHostsFile);
        Option(args, "GlobalKnownHostsFile", "/dev/null");
        Option(args, "HostKeyAlias", SftpWorkFolder.HostKeyAlias);
        Option(args, "HostKeyAlgorithms", HostKeyAlgorithms(endpoint.PinnedHostKey.Type));
        Option(args, "UpdateHostKeys", "no");
        Option(args, "CheckHostIP", "no");
        Option(args, "ConnectTimeout", Number(options.ConnectTimeoutSeconds));
        Option(args, "ServerAliveInterval", Number(options.ServerAliveIntervalSeconds));
        Option(args, "ServerAliveCountMax", Number(options.ServerAliveCountMax));
        if (options.BandwidthLimitKbps is { } limit)
            args.AddRange(["-l", Number(limit)]);
        args.AddRange(["-P", Number(endpoint.Port)]);
        Option(args, "User", endpoint.UserName);
        // An IPv6 literal needs brackets, or sftp would take the part after its last ':' for a path.
        args.Add(endpoint.Host.Contains(':') ? $"[{endpoint.Host}]" : endpoint.Host);
        return args;
    }

    /// <summary>ssh names RSA signatures apart from the key type; a key pinned as ssh-rsa is checked with SHA-2
    /// signatures, since servers and clients dropped SHA-1 ones.</summary>
    public static string HostKeyAlgorithms(string keyType) =>
        keyType == "ssh-rsa" ? "rsa-sha2-512,rsa-sha2-256" : keyType;

    /// <summary>A host or user that starts with '-' would be read as an option (e.g. -oProxyCommand=...).</summary>
    private static void EnsureSafeDestination(SftpEndpoint endpoint)
    {
        if (!IsPlainToken(endpoint.Host) || endpoint.Host.Contains('@'))
            throw new ArgumentException($"\"{endpoint.Host}\" is not a host name or IP address.", nameof(endpoint));
        if (!IsPlainToken(endpoint.UserName))
            throw new ArgumentException($"\"{endpoint.UserName}\" is not a valid SFTP user name.", nameof(endpoint));
        if (endpoint.Port is < 1 or > 65535)
            throw new ArgumentException($"{endpoint.Port} is not a TCP port.", nameof(endpoint));
    }

    private static bool IsPlainToken(string value) =>
        value.Length > 0 && !value.StartsWith('-') && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static void Option(List<string> args, string name, string value)
    {
        args.Add("-o");
        args.Add($"{name}={value}");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
