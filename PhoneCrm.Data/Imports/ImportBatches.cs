using System.Text.Json;
using Npgsql;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Imports;

namespace PhoneCrm.Data.Imports;

/// <summary>Makes the queued batch row an import runs under, whoever brought the file (an upload, an SFTP pull).</summary>
public static class ImportBatches
{
    public static async Task<long> CreateQueuedAsync(NpgsqlDataSource dataSource, long projectId, string fileName, long fileSize,
        string filePath, ImportSettings settings, string createdBy, AuditActor actor, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO import_batches (project_id, file_name, file_size, file_path, settings, status, created_by, actor)
            VALUES ($1, $2, $3, $4, $5::jsonb, 'queued', $6, $7::jsonb) RETURNING id
            """);
        object[] values = [projectId, fileName, fileSize, filePath, JsonSerializer.Serialize(settings), createdBy, JsonSerializer.Serialize(actor)];
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
