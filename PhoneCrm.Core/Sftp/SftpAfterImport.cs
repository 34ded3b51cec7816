namespace PhoneCrm.Core.Sftp;

/// <summary>What happens to a remote file once it is imported (or found to be a duplicate).</summary>
public enum SftpAfterImport
{
    /// <summary>Moved to the processed folder: the supplier can see what was taken.</summary>
    Move,
    Delete,
}
