namespace PhoneCrm.Benchmarks;

/// <summary>
/// Uneven project sizes like a real base: the large project (a quarter of the base), the export project (a
/// twentieth), and the rest by Zipf's law (the k-th largest holds about 1/k of the first's share).
/// </summary>
public static class ProjectSizes
{
    public static long[] For(BenchOptions options)
    {
        var sizes = new long[options.Projects];
        sizes[0] = options.LargeProjectSize;
        sizes[1] = options.ExportProjectSize;
        var rest = options.Numbers - sizes[0] - sizes[1];
        var others = options.Projects - 2;
        var harmonic = Enumerable.Range(1, others).Sum(k => 1.0 / k);
        for (var k = 1; k <= others; k++)
            sizes[k + 1] = Math.Max(1, (long)(rest / harmonic / k));
        // Rounding leftovers go to the largest of the Zipf projects, so the total is exact.
        sizes[2] += options.Numbers - sizes.Sum();
        return sizes;
    }
}
