namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>Settings of the SFTP transport (SSH.NET), meant to be bound from the "Crm:Sftp" section.</summary>
public sealed class SftpTransportOptions
{
    public const string SectionName = "Crm:Sftp";

    /// <summary>How long the TCP connection, the SSH handshake and the login may take.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 10;

    /// <summary>Upper bound for one whole operation (a download of a large file included); the connection is
    /// closed after it.</summary>
    public int OperationTimeoutMinutes { get; set; } = 30;

    /// <summary>Caps the transfer rate (kilobits per second, as OpenSSH's <c>sftp -l</c> counts) so a pull does not
    /// saturate a supplier's (often small) link.</summary>
    public int? BandwidthLimitKbps { get; set; }

    /// <summary>Seconds between keep-alive messages, which keep idle NAT entries open during a long import.</summary>
    public int ServerAliveIntervalSeconds { get; set; } = 15;

    /// <summary>Keep-alive intervals one SFTP request may wait for its answer: a server that vanished without
    /// closing the connection does not hold a pull for the whole operation timeout.</summary>
    public int ServerAliveCountMax { get; set; } = 4;

    internal TimeSpan ConnectTimeout => TimeSpan.FromSeconds(ConnectTimeoutSeconds);

    internal TimeSpan OperationTimeout => TimeSpan.FromMinutes(OperationTimeoutMinutes);

    internal TimeSpan RequestTimeout => TimeSpan.FromSeconds(ServerAliveIntervalSeconds * ServerAliveCountMax);
}
