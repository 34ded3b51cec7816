namespace PhoneCrm.Benchmarks;

/// <summary>
/// One finished sftp_runs row and where its time went, from the timestamps the app writes: the import batch is
/// created once the file is listed twice, downloaded, hashed and its columns guessed; the ledger row is settled
/// once the import committed and the file was moved.
/// </summary>
public sealed record SftpPullTiming(string Status, string? Error, int FilesImported, long RowsImported,
    double Seconds, double BeforeImportSeconds, double ImportAndMoveSeconds)
{
    public double AfterMoveSeconds => Seconds - BeforeImportSeconds - ImportAndMoveSeconds;

    public const string Sql = """
        SELECT r.status, r.error, r.files_imported, r.rows_imported,
               extract(epoch FROM r.finished_at - r.started_at)::float8,
               coalesce(extract(epoch FROM b.created_at - r.started_at), 0)::float8,
               coalesce(extract(epoch FROM f.settled_at - b.created_at), 0)::float8
        FROM sftp_runs r
        LEFT JOIN sftp_files f ON f.run_id = r.id AND f.status = 'imported'
        LEFT JOIN import_batches b ON b.id = f.import_batch_id
        WHERE r.host_id = $1 AND r.finished_at IS NOT NULL AND (r.files_found > 0 OR r.status = 'failed')
        ORDER BY r.id
        LIMIT 1
        """;
}
