using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Common;
using PhoneCrm.Core.Imports;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Data.Imports;
using PhoneCrm.Data.Imports.Files;
using PhoneCrm.Web.Features.Projects;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Imports;

/// <summary>Uploads, starts, lists, cancels and reverts imports for the projects the user may see.</summary>
public sealed class ImportsService(
    IDbContextFactory<CrmDbContext> contexts,
    NpgsqlDataSource dataSource,
    ImportQueue queue,
    ImportOptions options,
    IStringLocalizer<Strings> l)
{
    /// <summary>Streams the upload to disk (never to memory), then reads its header and first rows.</summary>
    public async Task<ImportDraft> UploadAsync(CurrentUser user, long projectId, IBrowserFile upload, CancellationToken cancellationToken = default)
    {
        await EnsureVisibleAsync(user, projectId, cancellationToken);
        if (upload.Size > options.MaxUploadBytes)
            throw new DomainException(l["Imports.TooLarge", upload.Name, options.MaxUploadBytes / (1024 * 1024)]);
        var storedPath = Path.Combine(PrivateDirectory.Ensure(options.UploadDirectory), $"{Guid.NewGuid():N}.upload");
        try
        {
            await using (var target = new FileStream(storedPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await using (var source = upload.OpenReadStream(options.MaxUploadBytes, cancellationToken))
                await source.CopyToAsync(target, cancellationToken);
            return Describe(projectId, upload.Name, upload.Size, storedPath, options.Limits);
        }
        catch
        {
            File.Delete(storedPath);
            throw;
        }
    }

    public static ImportDraft Describe(long projectId, string fileName, long size, string storedPath, ImportFileLimits limits)
    {
        using var file = ImportFileReader.Open(storedPath, limits, fileName);
        var preview = file.Preview(10);
        // Refused here, in the user's language, rather than by a background import that could only store a sentence.
        if (preview.Count == 0)
            throw new DomainException(ImportFileMessages.NoDataRows);
        return new ImportDraft(projectId, fileName, size, storedPath, file.Format.ToString(), file.Headers, preview,
            ColumnMappingGuesser.Guess(file.Headers, preview));
    }

    public async Task<long> StartAsync(CurrentUser user, ImportDraft draft, ImportSettings settings, CancellationToken cancellationToken = default)
    {
        await EnsureVisibleAsync(user, draft.ProjectId, cancellationToken);
        if (settings.PhoneColumn < 0 || settings.PhoneColumn >= draft.Headers.Count)
            throw new DomainException(l["Imports.ChoosePhoneColumn"]);
        var batchId = await ImportBatches.CreateQueuedAsync(dataSource, draft.ProjectId, draft.FileName, draft.FileSize,
            draft.StoredPath, settings, user.UserName, user.Actor, cancellationToken);
        await queue.EnqueueAsync(batchId, cancellationToken);
        return batchId;
    }

    public async Task<IReadOnlyList<ImportBatchRow>> ListAsync(CurrentUser user, long? projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = ProjectsService.VisibleProjects(db, user).Select(p => p.Id);
        var ids = await (projectId is { } id ? visible.Where(p => p == id) : visible).ToListAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("""
            SELECT b.id, b.project_id, p.name, b.file_name, b.file_size, b.status, b.rows_read, b.accepted, b.rejected,
                   b.duplicates_in_file, b.duplicates_in_project, b.duplicates_elsewhere, b.reverted_count, b.error,
                   b.created_by, b.created_at, b.started_at, b.finished_at, b.error_code, b.error_args::text
            FROM import_batches b JOIN projects p ON p.id = b.project_id
            WHERE b.project_id = ANY($1)
            ORDER BY b.id DESC LIMIT 200
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ImportBatchRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ImportBatchRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt64(4), reader.GetString(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8),
                reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12),
                reader.IsDBNull(13) ? null : reader.GetString(13), reader.GetString(14), reader.GetFieldValue<DateTimeOffset>(15),
                reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16),
                reader.IsDBNull(17) ? null : reader.GetFieldValue<DateTimeOffset>(17),
                reader.IsDBNull(18) ? null : reader.GetString(18), reader.IsDBNull(19) ? null : reader.GetString(19)));
        }
        return rows;
    }

    /// <summary>Asks the running import (on whichever instance) to stop; it rolls back everything it did.</summary>
    public async Task CancelAsync(CurrentUser user, long batchId, CancellationToken cancellationToken = default)
    {
        await EnsureBatchVisibleAsync(user, batchId, cancellationToken);
        await using var command = dataSource.CreateCommand("""
            UPDATE import_batches SET cancel_requested = true,
                status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
                finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END
            WHERE id = $1 AND status IN ('queued', 'running')
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = batchId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How many numbers the batch still has, and how many of those were worked since (calls, status changes).</summary>
    public async Task<(long Remaining, long Worked)> RevertPreviewAsync(CurrentUser user, long batchId, CancellationToken cancellationToken = default)
    {
        var projectId = await EnsureBatchVisibleAsync(user, batchId, cancellationToken);
        await using var command = dataSource.CreateCommand("""
            SELECT count(*), count(*) FILTER (WHERE n.worked_at IS NOT NULL)
            FROM import_batches b JOIN numbers n ON n.project_id = b.project_id
                AND n.id > b.id_after AND n.id <= b.id_upto AND n.import_batch_id = b.id
            WHERE n.project_id = $1 AND b.id = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = projectId });
        command.Parameters.Add(new NpgsqlParameter { Value = batchId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Removes exactly the numbers this batch added (worked ones only if asked), with an audit row.</summary>
    public async Task<long> RevertAsync(CurrentUser user, long batchId, bool includeWorked, CancellationToken cancellationToken = default)
    {
        var projectId = await EnsureBatchVisibleAsync(user, batchId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The batch's id range keeps this a primary-key range scan instead of a scan of the whole partition.
        var removed = await db.Database.ExecuteSqlAsync($"""
            DELETE FROM numbers n USING import_batches b
            WHERE b.id = {batchId} AND n.project_id = {projectId} AND n.id > b.id_after AND n.id <= b.id_upto
              AND n.import_batch_id = b.id AND ({includeWorked} OR n.worked_at IS NULL)
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE import_batches SET status = 'reverted', reverted_count = reverted_count + {removed} WHERE id = {batchId}", cancellationToken);
        db.AddAudit(user.Actor, AuditActions.RevertImport, AuditEntities.Project, projectId.ToString(), null,
            new { batch_id = batchId, removed, include_worked = includeWorked });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    /// <summary>The project of a batch the user may see; throws otherwise.</summary>
    public async Task<long> EnsureBatchVisibleAsync(CurrentUser user, long batchId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projectId = await db.Database
            .SqlQuery<long>($"SELECT project_id AS \"Value\" FROM import_batches WHERE id = {batchId}")
            .SingleOrDefaultAsync(cancellationToken);
        if (projectId == 0 || !await ProjectsService.VisibleProjects(db, user).AnyAsync(p => p.Id == projectId, cancellationToken))
            throw new DomainException(l["Imports.NotFound"]);
        return projectId;
    }

    private Task EnsureVisibleAsync(CurrentUser user, long projectId, CancellationToken cancellationToken) =>
        ProjectsService.EnsureVisibleAsync(contexts, user, projectId, l, cancellationToken);
}
