namespace PhoneCrm.Core.Numbers;

/// <summary>
/// <see cref="PhoneNormalizer"/> over a block of cells on every core. libphonenumber costs several times what
/// reading a CSV row does, so one thread would hold an import to the library's pace; each cell's answer is
/// independent of the others, so the block is split into ranges, one per core, with the same answers as one by one.
/// </summary>
public static class PhoneBatchNormalizer
{
    // Below this many cells per range, handing a range to another thread costs more than it saves.
    private const int MinCellsPerRange = 2_048;

    /// <param name="cells">The phone cells; null ones count as empty.</param>
    /// <param name="results">Filled from 0 to the number of cells.</param>
    public static void Normalize(IReadOnlyList<string?> cells, string defaultCountryIso2, PhoneParseResult[] results)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(results.Length, cells.Count, nameof(results));
        var ranges = Math.Clamp(cells.Count / MinCellsPerRange, 1, Environment.ProcessorCount);
        if (ranges == 1)
        {
            NormalizeRange(cells, defaultCountryIso2, results, 0, cells.Count);
            return;
        }
        var size = (cells.Count + ranges - 1) / ranges;
        Parallel.For(0, ranges, range =>
        {
            var start = range * size;
            NormalizeRange(cells, defaultCountryIso2, results, start, Math.Min(start + size, cells.Count));
        });
    }

    private static void NormalizeRange(IReadOnlyList<string?> cells, string country, PhoneParseResult[] results, int start, int end)
    {
        for (var i = start; i < end; i++)
            results[i] = PhoneNormalizer.Normalize(cells[i], country);
    }
}
