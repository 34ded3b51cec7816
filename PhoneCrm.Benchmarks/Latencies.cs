using System.Diagnostics;

namespace PhoneCrm.Benchmarks;

/// <summary>Times an operation repeatedly and reports percentiles (nearest rank) in milliseconds.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public static async Task<Latencies> MeasureAsync(int repetitions, Func<int, Task> operation)
    {
        var latencies = new Latencies();
        for (var i = 0; i < repetitions; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation(i);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return latencies;
    }

    public void Add(double milliseconds) => _milliseconds.Add(milliseconds);

    public double P50 => Percentile(50);

    public double P95 => Percentile(95);

    public double Percentile(double percent)
    {
        if (_milliseconds.Count == 0)
            return double.NaN;
        var sorted = _milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
