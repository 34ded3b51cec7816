using System.Globalization;

namespace PhoneCrm.Benchmarks;

/// <summary>How figures read in the table: thousands separated, milliseconds to two places.</summary>
public static class Format
{
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", _invariant);

    public static string Rate(double rowsPerSecond) => rowsPerSecond.ToString("N0", _invariant) + " rows/s";

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 100 ? "0.00" : "N0", _invariant) + " ms";

    public static string Seconds(double seconds) => seconds.ToString(seconds < 10 ? "0.00" : "N1", _invariant) + " s";

    public static string Megabytes(long kilobytes) => (kilobytes / 1024.0).ToString("N0", _invariant) + " MB";

    public static string Ratio(double ratio) => ratio.ToString(ratio < 10 ? "0.00" : "N0", _invariant) + "x";
}
