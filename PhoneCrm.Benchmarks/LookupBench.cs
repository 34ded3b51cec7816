using PhoneCrm.Data.Numbers;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// NumberQueries.FindByPhoneAsync for random phones across every project: half are in some project (a random
/// number of a random project), half are in none (one probe of phone_directory that finds nothing).
/// Stops after <see cref="Lookups"/> or <see cref="TimeLimit"/>, whichever comes first, so a slow lookup cannot
/// hold the run for long; the table says how many were timed.
/// </summary>
public sealed class LookupBench(BenchDatabase database, Seeder.Result seed)
{
    public const int Lookups = 1000;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    public async Task<(Latencies Latencies, long Found)> MeasureAsync()
    {
        var queries = new NumberQueries(database.DataSource);
        var random = new Random(20261121);
        var phones = Enumerable.Range(0, Lookups + 20).Select(i =>
        {
            if (i % 2 == 1)
                return "+79" + random.NextInt64(PhoneSpace.Modulus).ToString("D9");
            var project = random.Next(seed.Sizes.Length);
            return PhoneSpace.E164(1 + random.NextInt64(seed.Sizes[project]), seed.Offsets[project]);
        }).ToArray();
        long found = 0;
        await Latencies.MeasureAsync(20, i => queries.FindByPhoneAsync(phones[Lookups + i], CancellationToken.None));
        var latencies = new Latencies();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < Lookups && clock.Elapsed < TimeLimit; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            found += (await queries.FindByPhoneAsync(phones[i], CancellationToken.None)).Count;
            latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (latencies, found);
    }
}
