using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Imports;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Data.Imports;

/// <summary>
/// Imports one file into one project, all or nothing: binary COPY into a temp staging table, then a few
/// set-based statements, all in one transaction. A crash or a cancel rolls everything back; the batch row
/// (updated on another connection) then says what happened.
/// </summary>
public sealed class NumberImporter(NpgsqlDataSource dataSource, ILogger<NumberImporter> logger)
{
    public async Task<ImportOutcome> RunAsync(ImportJob job, ImportBatchProgress progress, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({ImportLocks.BatchClass}, {job.BatchId})", cancellationToken);
        await progress.MarkRunningAsync(cancellationToken);
        using var file = ImportFileReader.Open(job.FilePath, job.Limits);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({ImportLocks.ProjectClass}, {job.ProjectId})", cancellationToken);
        await ExecuteAsync(connection, ImportSql.CreateStaging, cancellationToken);
        var rowsRead = await new StagingWriter(job, file.Headers).WriteAsync(
            connection, file.Rows(), progress.Report, cancellationToken);
        if (rowsRead == 0)
            throw new Core.Common.DomainException("The file has a header but no data rows.");
        await ExecuteAsync(connection, "ANALYZE import_staging", cancellationToken);

        var rejected = await ExecuteAsync(connection, ImportSql.RejectInvalid, cancellationToken, ("batch", job.BatchId));
        await ExecuteAsync(connection, ImportSql.KeepFirstOccurrence, cancellationToken);
        var duplicatesInFile = await ExecuteAsync(connection, ImportSql.RejectDuplicatesInFile, cancellationToken,
            ("batch", job.BatchId), ("reason", ImportRejectReasons.DuplicateInFile));
        if (job.Settings.SupplierColumn >= 0)
            await ExecuteAsync(connection, ImportSql.CreateMissingSuppliers, cancellationToken);
        await ExecuteAsync(connection, ImportSql.CreateSkipped, cancellationToken);
        var inProject = await ExecuteAsync(connection, ImportSql.FindExistingInProject, cancellationToken,
            ("project", job.ProjectId), ("inProject", ImportRejectReasons.AlreadyInProject));
        var elsewhere = job.Settings.SkipNumbersInOtherProjects
            ? await ExecuteAsync(connection, ImportSql.FindExistingElsewhere, cancellationToken,
                ("project", job.ProjectId), ("elsewhere", ImportRejectReasons.InAnotherProject))
            : 0;
        await ExecuteAsync(connection, ImportSql.RejectSkipped, cancellationToken, ("batch", job.BatchId));
        var idAfter = await ScalarAsync(connection, ImportSql.LastNumberId, cancellationToken);
        var accepted = await ExecuteAsync(connection, ImportSql.InsertNumbers, cancellationToken,
            ("project", job.ProjectId), ("batch", job.BatchId), ("supplier", (object?)job.Settings.SupplierId ?? DBNull.Value));

        var idUpto = await ScalarAsync(connection, ImportSql.LastNumberId, cancellationToken);
        var outcome = new ImportOutcome(rowsRead, accepted, rejected, duplicatesInFile, inProject, elsewhere, idAfter, idUpto);
        await ImportBatchProgress.CompleteAsync(connection, job, outcome, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Import {BatchId} into project {ProjectId}: {Outcome}", job.BatchId, job.ProjectId, outcome);
        return outcome;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
