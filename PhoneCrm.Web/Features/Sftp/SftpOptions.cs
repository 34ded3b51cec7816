namespace PhoneCrm.Web.Features.Sftp;

/// <summary>Crm:Sftp settings of the pulls (the transport's own are in <see cref="Transport.SftpTransportOptions"/>).</summary>
public sealed class SftpOptions
{
    /// <summary>
    /// A file is taken only if two listings this far apart show the same size and time: a supplier still
    /// uploading it is left for the next run.
    /// </summary>
    public double StableCheckSeconds { get; set; } = 10;

    /// <summary>Where downloaded files wait for their import; each is deleted when its import ends.</summary>
    public string DownloadDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "phonecrm-sftp-downloads");
}
