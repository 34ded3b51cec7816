using System.Globalization;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// What one benchmark run does. Sizes scale from the base: the large project holds a quarter of it (5M of the
/// default 20M, the project the targets speak of) and the export project a twentieth (1M).
/// </summary>
public sealed record BenchOptions
{
    public long Numbers { get; init; } = 20_000_000;
    public int Projects { get; init; } = 200;
    public int ImportRows { get; init; } = 1_000_000;
    public bool Quick { get; init; }
    public bool Browser { get; init; } = true;
    public bool ExplainImports { get; init; }
    public bool SoftPhone { get; init; } = true;
    public bool OnlySoftPhone { get; init; }
    public bool Sftp { get; init; } = true;
    public bool OnlySftp { get; init; }
    public bool Conversion { get; init; } = true;
    public bool OnlyConversion { get; init; }
    public string WorkDirectory { get; init; } = Path.GetTempPath();

    /// <summary>An --only-* flag runs just its own sections after the seeding.</summary>
    private bool OnlyOne => OnlySoftPhone || OnlySftp || OnlyConversion;
    public bool RunsDatabaseSections => !OnlyOne;
    public bool RunsSoftPhone => OnlyOne ? OnlySoftPhone : SoftPhone;
    public bool RunsSftp => OnlyOne ? OnlySftp : Sftp;
    public bool RunsConversion => OnlyOne ? OnlyConversion : Conversion;

    public long LargeProjectSize => Numbers / 4;
    public long ExportProjectSize => Numbers / 20;

    /// <summary>Depths of the keyset pages: the first page, a fifth of the way in, and the last full page.</summary>
    public long[] PageDepths => [0, LargeProjectSize / 5, LargeProjectSize - PageSize];

    public const int PageSize = 100;

    public static string Usage => """
        Usage: PhoneCrm.Benchmarks [--numbers N] [--projects P] [--import-rows R] [--quick] [--no-browser] [--no-softphone] [--only-softphone]
                                   [--no-sftp] [--only-sftp] [--no-conversion] [--only-conversion] [--explain-imports] [--work-dir DIR]
          --numbers N       numbers in the seeded base (default 20000000)
          --projects P      projects they are spread over, of Zipf-like sizes (default 200)
          --import-rows R   rows of the CSV and XLSX import files (default 1000000)
          --quick           2M numbers over 20 projects and 200k-row import files: a try-out in a few minutes
          --no-browser      skip the page-switch measurement in Chromium
          --no-softphone    skip the SoftPhone webhook and toast measurements
          --only-softphone  seed, then measure only the SoftPhone webhook and toasts
          --no-sftp         skip the SFTP pull against the direct import of the same file
          --only-sftp       seed, then measure only the SFTP pull against the direct import
          --no-conversion   skip the conversion rollup and dashboard measurements
          --only-conversion seed, give the base a call history, then measure only the conversion rollup and dashboards
          --explain-imports print EXPLAIN ANALYZE of the imports' slow statements (auto_explain; slows them)
          --work-dir DIR    where the generated files go (default: the temp folder)
        The database comes from PHONECRM_BENCH_CONNECTION (scripts/bench.sh starts a cluster and sets it).
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? new BenchOptions { Numbers = 2_000_000, Projects = 20, ImportRows = 200_000, Quick = true } : new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => options,
                "--no-browser" => options with { Browser = false },
                "--explain-imports" => options with { ExplainImports = true },
                "--no-softphone" => options with { SoftPhone = false },
                "--only-softphone" => options with { OnlySoftPhone = true },
                "--no-sftp" => options with { Sftp = false },
                "--only-sftp" => options with { OnlySftp = true },
                "--no-conversion" => options with { Conversion = false },
                "--only-conversion" => options with { OnlyConversion = true },
                "--numbers" => options with { Numbers = long.Parse(Value(args, ++i), CultureInfo.InvariantCulture) },
                "--projects" => options with { Projects = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture) },
                "--import-rows" => options with { ImportRows = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture) },
                "--work-dir" => options with { WorkDirectory = Value(args, ++i) },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }
        if (new[] { options.OnlySoftPhone, options.OnlySftp, options.OnlyConversion }.Count(only => only) > 1)
            throw new ArgumentException($"Give at most one --only-* option.\n{Usage}");
        if (options.Projects < 3 || options.Numbers < options.Projects * 1000L)
            throw new ArgumentException($"Need at least 3 projects and 1000 numbers per project.\n{Usage}");
        return options;
    }

    private static string Value(IReadOnlyList<string> args, int i) =>
        i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.\n{Usage}");
}
