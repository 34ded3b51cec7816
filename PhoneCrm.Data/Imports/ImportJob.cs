using Npgsql;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Imports;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Data.Imports;

/// <summary>Everything one run of the importer needs.</summary>
public sealed record ImportJob(
    long BatchId,
    long ProjectId,
    string DefaultCountry,
    string FilePath,
    ImportSettings Settings,
    ImportFileLimits Limits,
    AuditActor Actor)
{
    /// <summary>
    /// Runs inside the import's transaction just before it commits, for rows that must commit with the numbers
    /// or not at all (the SFTP ledger); throwing rolls the whole import back.
    /// </summary>
    public Func<NpgsqlConnection, ImportOutcome, CancellationToken, Task>? BeforeCommit { get; init; }
}
