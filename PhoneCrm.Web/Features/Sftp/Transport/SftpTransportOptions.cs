namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>Settings of the OpenSSH-based transport, meant to be bound from the "Crm:Sftp" section.</summary>
public sealed class SftpTransportOptions
{
    public const string SectionName = "Crm:Sftp";

    /// <summary>How long ssh waits for the TCP connection and the SSH handshake.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>Upper bound for one whole operation (a download of a large file included); the sftp process is
    /// killed after it.</summary>
    public int OperationTimeoutMinutes { get; set; } = 30;

    public string SftpPath { get; set; } = "sftp";

    public string KeyscanPath { get; set; } = "ssh-keyscan";

    /// <summary>sftp -l: caps the transfer rate so a pull does not saturate a supplier's (often small) link.</summary>
    public int? BandwidthLimitKbps { get; set; }

    /// <summary>Where each operation gets a private 0700 folder for its known_hosts, key file and askpass helper.</summary>
    public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "phonecrm-sftp");

    /// <summary>Seconds between keep-alive probes; after <see cref="ServerAliveCountMax"/> unanswered ones ssh
    /// gives up, so a server that vanished without closing the connection does not hold a pull for the whole
    /// operation timeout.</summary>
    public int ServerAliveIntervalSeconds { get; set; } = 15;

    public int ServerAliveCountMax { get; set; } = 4;

    internal TimeSpan OperationTimeout => TimeSpan.FromMinutes(OperationTimeoutMinutes);
}
