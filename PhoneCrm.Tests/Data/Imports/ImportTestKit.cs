using System.Text;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Imports;
using PhoneCrm.Data.Imports;
using PhoneCrm.Data.Imports.Files;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Projects;

namespace PhoneCrm.Tests.Data.Imports;

/// <summary>Projects, files and batches for import tests, on a test class's own database.</summary>
public sealed class ImportTestKit(TestDatabase database)
{
    public static readonly AuditActor Actor = new("importer", "importer-id", "127.0.0.1", "tests");

    public Task<long> CreateProjectAsync(string? name = null) =>
        new ProjectsService(database, TestLocalizer.Create())
            .CreateAsync(TestUsers.Administrator, new() { Name = name ?? "Import " + Guid.NewGuid() });

    public static string WriteCsv(string content, Encoding? encoding = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"import-test-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public async Task<long> CreateBatchAsync(long projectId, string path, ImportSettings settings)
    {
        await using var command = database.DataSource.CreateCommand("""
            INSERT INTO import_batches (project_id, file_name, file_size, file_path, settings, status, created_by, actor)
            VALUES ($1, $2, $3, $2, $4::jsonb, 'queued', 'importer', '{}'::jsonb) RETURNING id
            """);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = projectId });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = path });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = new FileInfo(path).Length });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = System.Text.Json.JsonSerializer.Serialize(settings) });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<ImportOutcome> ImportAsync(long projectId, string path, ImportSettings settings, CancellationTokenSource? cancellation = null)
    {
        var batchId = await CreateBatchAsync(projectId, path, settings);
        cancellation ??= new CancellationTokenSource();
        var job = new ImportJob(batchId, projectId, "RU", path, settings, ImportFileLimits.Default, Actor);
        var importer = new NumberImporter(database.DataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<NumberImporter>.Instance);
        LastBatchId = batchId;
        return await importer.RunAsync(job, new ImportBatchProgress(database.DataSource, batchId, cancellation), cancellation.Token);
    }

    public long LastBatchId { get; private set; }

    public Task<T> ScalarAsync<T>(string sql) =>
        database.ScalarAsync<T>(sql);

    public async Task<List<(long Row, string? Raw, string Reason)>> RejectsAsync(long batchId)
    {
        await using var command = database.DataSource.CreateCommand(
            $"SELECT row_number, raw_value, reason FROM import_rejects WHERE batch_id = {batchId} ORDER BY row_number");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, string?, string)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        return rows;
    }
}
