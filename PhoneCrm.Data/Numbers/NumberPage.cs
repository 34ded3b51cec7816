namespace PhoneCrm.Data.Numbers;

/// <param name="Rows">In display order (newest first).</param>
public sealed record NumberPage(IReadOnlyList<NumberRow> Rows, bool HasNewer, bool HasOlder);
