namespace PhoneCrm.Core.Sftp;

/// <summary>An SFTP server a supplier drops number files on, and what to do with them.</summary>
public sealed class SftpHost
{
    public const string DefaultCron = "0 0/15 * * * ?";
    public const string DefaultPattern = "*.csv;*.xlsx;*.xls";
    public const string DefaultProcessedFolder = "processed";
    public const string DefaultFailedFolder = "failed";

    /// <summary>The Data Protection purpose passwords and private keys are encrypted under.</summary>
    public const string ProtectionPurpose = "PhoneCrm.Sftp.Credential";

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Host { get; set; } = "";
    public int Port { get; set; } = 22;
    public string UserName { get; set; } = "";
    public SftpAuthKind AuthKind { get; set; }
    public string ProtectedSecret { get; set; } = "";

    /// <summary>The private key's passphrase, encrypted like <see cref="ProtectedSecret"/>; null for a key without one.</summary>
    public string? ProtectedPassphrase { get; set; }
    public string RemoteFolder { get; set; } = ".";
    public string FilePattern { get; set; } = DefaultPattern;
    public long ProjectId { get; set; }
    public long? SupplierId { get; set; }
    public bool SkipNumbersInOtherProjects { get; set; }
    public string Cron { get; set; } = DefaultCron;
    public bool Enabled { get; set; } = true;
    public SftpAfterImport AfterImport { get; set; } = SftpAfterImport.Move;

    /// <summary>Where imported files go; relative to <see cref="RemoteFolder"/> unless it starts with '/'.</summary>
    public string ProcessedFolder { get; set; } = DefaultProcessedFolder;

    /// <summary>Where files that could not be imported go, with a .reason.txt beside each.</summary>
    public string FailedFolder { get; set; } = DefaultFailedFolder;

    /// <summary>"type base64" of the host key an administrator confirmed.</summary>
    public string? PinnedHostKey { get; set; }

    /// <summary>What the server showed instead of the pinned key, when it did; pulls stop until a key is confirmed again.</summary>
    public string? HostKeyAlert { get; set; }
    public DateTimeOffset? HostKeyAlertAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool CanPull => PinnedHostKey is not null && HostKeyAlert is null;

    /// <summary>A folder setting resolved against the remote folder, as the SFTP server sees it.</summary>
    public string ResolveFolder(string folder) =>
        folder.StartsWith('/') ? folder : $"{RemoteFolder.TrimEnd('/')}/{folder}";
}
