namespace PhoneCrm.Benchmarks;

/// <summary>Measures 4 (keyset against OFFSET at three depths) and 5 (lookup across projects).</summary>
public sealed class QuerySection(BenchDatabase database, BenchOptions options, ResultTable table)
{
    public async Task RunAsync(long largeId, Seeder.Result seed)
    {
        var keyset = new KeysetBench(database, largeId);
        var depths = options.PageDepths;
        double deepestRatio = 0;
        foreach (var depth in depths)
        {
            var (keysetLatencies, offsetLatencies) = await keyset.MeasureAsync(depth, BenchOptions.PageSize);
            var ratio = offsetLatencies.P50 / keysetLatencies.P50;
            var label = $"depth {Format.Count(depth)} of {Format.Count(options.LargeProjectSize)}";
            table.Add(new ResultRow(
                $"keyset page (100 rows) at {label}: p50 {Format.Ms(keysetLatencies.P50)}, p95 ({keysetLatencies.Count} fetches)",
                Format.Ms(keysetLatencies.P95),
                $"OFFSET p50 {Format.Ms(offsetLatencies.P50)}, p95 {Format.Ms(offsetLatencies.P95)} ({offsetLatencies.Count} fetches)",
                Format.Ratio(ratio) + " (p50/p50)", "p95 < 5 ms", keysetLatencies.P95 < Targets.KeysetP95Ms));
            deepestRatio = ratio;
        }
        table.Add(new ResultRow($"keyset vs OFFSET at depth {Format.Count(depths[^1])} (p50 OFFSET / p50 keyset)",
            Format.Ratio(deepestRatio), "", "", ">= 200x", deepestRatio >= Targets.KeysetOverOffsetAtDeepest));

        var (lookups, found) = await new LookupBench(database, seed).MeasureAsync();
        table.Add(new ResultRow(
            $"lookup of a phone across {options.Projects} projects ({lookups.Count} random{(lookups.Count < LookupBench.Lookups ? $" in the {LookupBench.TimeLimit.TotalSeconds:0} s limit" : "")}, {found} rows found): p50 {Format.Ms(lookups.P50)}, p95",
            Format.Ms(lookups.P95), "", "", "p95 < 5 ms", lookups.P95 < Targets.LookupP95Ms));
    }
}
