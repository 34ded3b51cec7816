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
    AuditActor Actor);
