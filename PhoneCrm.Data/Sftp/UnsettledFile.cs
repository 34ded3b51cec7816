namespace PhoneCrm.Data.Sftp;

/// <summary>A file the ledger has dealt with but that is still where the server showed it (the move never happened).</summary>
public sealed record UnsettledFile(long Id, string Status, string? Detail);
