namespace PhoneCrm.Data.Imports;

public sealed record ImportOutcome(
    long RowsRead,
    long Accepted,
    long Rejected,
    long DuplicatesInFile,
    long DuplicatesInProject,
    long DuplicatesElsewhere,
    long IdAfter,
    long IdUpto);
