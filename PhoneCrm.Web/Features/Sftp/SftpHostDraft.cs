using PhoneCrm.Core.Sftp;

namespace PhoneCrm.Web.Features.Sftp;

/// <summary>The host form. <see cref="Secret"/> is write-only: blank on an existing host keeps the stored one.</summary>
public sealed class SftpHostDraft
{
    public string Name { get; set; } = "";
    public string Host { get; set; } = "";
    public int Port { get; set; } = 22;
    public string UserName { get; set; } = "";
    public SftpAuthKind AuthKind { get; set; } = SftpAuthKind.Password;
    public string Secret { get; set; } = "";

    /// <summary>Write-only too: the private key's passphrase, blank for a key without one.</summary>
    public string Passphrase { get; set; } = "";
    public string RemoteFolder { get; set; } = ".";
    public string FilePattern { get; set; } = SftpHost.DefaultPattern;
    public long ProjectId { get; set; }
    public long? SupplierId { get; set; }
    public bool SkipNumbersInOtherProjects { get; set; }
    public string Cron { get; set; } = SftpHost.DefaultCron;
    public bool Enabled { get; set; } = true;
    public SftpAfterImport AfterImport { get; set; } = SftpAfterImport.Move;
    public string ProcessedFolder { get; set; } = SftpHost.DefaultProcessedFolder;
    public string FailedFolder { get; set; } = SftpHost.DefaultFailedFolder;

    public static SftpHostDraft From(SftpHost host) => new()
    {
        Name = host.Name, Host = host.Host, Port = host.Port, UserName = host.UserName, AuthKind = host.AuthKind,
        RemoteFolder = host.RemoteFolder, FilePattern = host.FilePattern, ProjectId = host.ProjectId,
        SupplierId = host.SupplierId, SkipNumbersInOtherProjects = host.SkipNumbersInOtherProjects, Cron = host.Cron,
        Enabled = host.Enabled, AfterImport = host.AfterImport, ProcessedFolder = host.ProcessedFolder,
        FailedFolder = host.FailedFolder,
    };
}
