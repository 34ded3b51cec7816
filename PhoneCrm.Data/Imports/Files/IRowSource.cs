namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// One format's way of reading a file from its start. Each call to <see cref="ReadAll"/> opens its own stream,
/// so a preview and the full read never share a position.
/// </summary>
internal interface IRowSource
{
    /// <summary>Every row that has a value, the header included, in file order.</summary>
    IEnumerable<SourceRow> ReadAll();
}
