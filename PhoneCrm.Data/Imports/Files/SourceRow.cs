namespace PhoneCrm.Data.Imports.Files;

/// <summary>
/// One data row of an import file. <paramref name="RowNumber"/> is where a user finds the row: the line of a
/// text file where the row starts (a quoted field over several lines makes later rows start further down), or
/// the row number Excel shows; the header is row 1 unless blank lines come before it. <paramref name="Cells"/>
/// has at least one entry per header column; empty cells are null, and cells past the header's columns (a
/// ragged CSV row) are kept at the end rather than dropped.
/// </summary>
public readonly record struct SourceRow(long RowNumber, string?[] Cells);
