namespace PhoneCrm.Data.Imports.Files;

/// <summary>The kind of file, as told by its content rather than its name.</summary>
public enum ImportFileFormat
{
    Csv,
    Xlsx,
    Xls,
}
