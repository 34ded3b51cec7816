namespace PhoneCrm.Data.Sftp;

/// <summary>What one pull did, counted as it goes and written to sftp_runs at the end.</summary>
public sealed class SftpRunTotals
{
    public int Found { get; set; }
    public int Imported { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }
    public long Rows { get; set; }
}
