using System.Text.Json;
using Npgsql;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Imports;
using PhoneCrm.Data.Imports;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Web.Features.Imports;

/// <summary>Reads a queued batch back into an <see cref="ImportJob"/>.</summary>
public sealed class ImportJobLoader(NpgsqlDataSource dataSource, ImportOptions options)
{
    public async Task<ImportJob?> LoadAsync(long batchId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT b.project_id, p.default_country, b.file_path, b.settings::text, b.actor::text, b.status
            FROM import_batches b JOIN projects p ON p.id = b.project_id
            WHERE b.id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = batchId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.GetString(5) != ImportStatus.Queued)
            return null;
        var settings = JsonSerializer.Deserialize<ImportSettings>(reader.GetString(3))!;
        var actor = JsonSerializer.Deserialize<AuditActor>(reader.GetString(4)) ?? AuditActor.System("import");
        return new ImportJob(batchId, reader.GetInt64(0), reader.GetString(1).Trim(), reader.GetString(2), settings,
            options.Limits, actor);
    }
}
