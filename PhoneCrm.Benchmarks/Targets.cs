namespace PhoneCrm.Benchmarks;

/// <summary>The targets (issue 3, "Benchmarks"), as the table checks them.</summary>
public static class Targets
{
    public const double CsvImportRowsPerSecond = 150_000;
    public const double CsvImportOverPlainWay = 2;
    public const double XlsxImportRowsPerSecond = 50_000;
    public const double KeysetP95Ms = 5;
    public const double KeysetOverOffsetAtDeepest = 200;
    public const double PageSwitchP95Ms = 150;
    public const double LookupP95Ms = 5;
    public const double CsvExportRowsPerSecond = 300_000;
    public const double XlsxExportRowsPerSecond = 100_000;
    public const long ExportPeakKb = 300 * 1024;
    public const double PermanentDeleteSeconds = 1;
    public const long ImportPeakKb = 400 * 1024;
    public const double WebhookSingleEventsPerSecond = 2_000;
    public const double WebhookP95Ms = 25;
    public const double WebhookBatchEventsPerSecond = 20_000;
    public const double ToastP95Ms = 1_000;
    public const double SftpPullOverDirectImport = 1.5;
    public const double ConversionRebuildSeconds = 60;
    public const double ConversionIncrementalMs = 1_000;
    public const double ConversionDashboardMs = 300;

    public static string Describe() => """
        Targets: CSV import >= 150,000 rows/s and >= 2x the plain way; XLSX import >= 50,000 rows/s; keyset p95 < 5 ms
        at every depth and >= 200x faster than OFFSET at the deepest page; page switch in the browser p95 < 150 ms;
        lookup p95 < 5 ms; CSV export >= 300,000 rows/s and XLSX export >= 100,000 rows/s, each < 300 MB peak;
        permanent delete < 1 s; the importing process < 400 MB during the 1M import. SoftPhone webhook: >= 2,000 single
        events/s with p95 < 25 ms; >= 20,000 events/s in batches; webhook answer to toast p95 < 1 s. SFTP: a pull of the
        import file, end to end, < 1.5x the direct import of the same file. Conversion rollups
        (with 5M call events on the 20M base): full rebuild < 60 s; incremental run after 10,000 new events < 1 s;
        the largest project's dashboard < 300 ms; the rollup equal to the exact aggregate.
        """;
}
