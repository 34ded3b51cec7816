using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using PhoneCrm.Core.Imports;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Data.Imports;

/// <summary>
/// Imports one file into one project, all or nothing, in one transaction. The file is read and checked on a
/// thread of its own (<see cref="CheckedRowReader"/>: phones normalised, repeats within the file found), a chunk
/// ahead of the database. For each chunk: one query finds the phones already in the project, then binary COPY
/// writes the reject report rows and the new numbers. A crash or a cancel rolls everything back; the batch
/// row (updated on another connection) then says what happened.
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
        await ExecuteAsync(connection, ImportSql.NoJit, cancellationToken);
        var idAfter = await ScalarAsync(connection, ImportSql.LastNumberId, cancellationToken);

        var producer = new CheckedRowReader(job, file.Headers);
        // One chunk waits while the next is read: reading stays a chunk ahead without holding the file in memory.
        var chunks = Channel.CreateBounded<List<CheckedRow>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => producer.RunAsync(file.Rows(), chunks.Writer, progress.Report, stopReading.Token),
            CancellationToken.None);
        ChunkTotals totals;
        try
        {
            totals = await ImportChunksAsync(connection, job, chunks.Reader, producer.Recycle, cancellationToken);
            await reading; // a file that turned out broken halfway fails the import here
        }
        finally
        {
            // The file is closed when this method returns, so reading must have stopped by then.
            await stopReading.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        if (producer.RowsRead == 0)
            throw new Core.Common.DomainException(Files.ImportFileMessages.NoDataRows);

        var idUpto = await ScalarAsync(connection, ImportSql.LastNumberId, cancellationToken);
        var outcome = new ImportOutcome(producer.RowsRead, totals.Accepted, producer.Invalid, producer.DuplicatesInFile,
            totals.InProject, totals.Elsewhere, idAfter, idUpto);
        await ImportBatchProgress.CompleteAsync(connection, job, outcome, cancellationToken);
        if (job.BeforeCommit is { } beforeCommit)
            await beforeCommit(connection, outcome, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Import {BatchId} into project {ProjectId}: {Outcome}", job.BatchId, job.ProjectId, outcome);
        return outcome;
    }

    private readonly record struct ChunkTotals(long Accepted, long InProject, long Elsewhere);

    private static async Task<ChunkTotals> ImportChunksAsync(NpgsqlConnection connection, ImportJob job,
        ChannelReader<List<CheckedRow>> chunks, Action<List<CheckedRow>> recycle, CancellationToken cancellationToken)
    {
        var ids = new ReferenceIds(job);
        var phones = new List<string>(CheckedRowReader.ChunkRows);
        long accepted = 0, inProject = 0, elsewhere = 0;
        await foreach (var chunk in chunks.ReadAllAsync(cancellationToken))
        {
            await ids.ResolveAsync(connection, chunk, cancellationToken);
            phones.Clear();
            foreach (var row in chunk)
            {
                if (row.Reason is null)
                    phones.Add(row.Phone!);
            }
            var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
            inProject += await FindAsync(connection, ImportSql.ExistingInProject, job.ProjectId, phones,
                ImportRejectReasons.AlreadyInProject, skipped, cancellationToken);
            if (job.Settings.SkipNumbersInOtherProjects)
                elsewhere += await FindAsync(connection, ImportSql.ExistingElsewhere, job.ProjectId,
                    phones.Where(phone => !skipped.ContainsKey(phone)).ToList(), ImportRejectReasons.InAnotherProject, skipped, cancellationToken);
            await ChunkWriter.WriteRejectsAsync(connection, job, chunk, skipped, cancellationToken);
            accepted += await ChunkWriter.WriteNumbersAsync(connection, job, chunk, skipped, ids, cancellationToken);
            recycle(chunk);
        }
        return new ChunkTotals(accepted, inProject, elsewhere);
    }

    /// <summary>Adds the <paramref name="phones"/> the query finds to <paramref name="skipped"/>, with their reason.</summary>
    private static async Task<long> FindAsync(NpgsqlConnection connection, string sql, long projectId, List<string> phones,
        string reason, Dictionary<string, string> skipped, CancellationToken cancellationToken)
    {
        if (phones.Count == 0)
            return 0;
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter("phones", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = phones });
        command.Parameters.Add(new NpgsqlParameter("project", NpgsqlDbType.Bigint) { Value = projectId });
        long found = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            skipped[reader.GetString(0)] = reason;
            found++;
        }
        return found;
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
