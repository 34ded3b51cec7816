namespace PhoneCrm.Core.Imports;

/// <summary>Reasons written to the reject report for rows that were read but not imported.</summary>
public static class ImportRejectReasons
{
    public const string DuplicateInFile = "duplicate in the file";
    public const string AlreadyInProject = "already in this project";
    public const string InAnotherProject = "already in another project";
    public const string NoPhoneColumn = "no phone value";
}
