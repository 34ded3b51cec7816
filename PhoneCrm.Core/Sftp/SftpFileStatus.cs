namespace PhoneCrm.Core.Sftp;

/// <summary>What a pull did with one file; stored as text in sftp_files.status.</summary>
public static class SftpFileStatus
{
    public const string Imported = "imported";

    /// <summary>Its content was imported before, under this or another name.</summary>
    public const string Duplicate = "duplicate";
    public const string Failed = "failed";
}
