using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PhoneCrm.Data;
using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Imports;
using PhoneCrm.Data.Imports;
using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// The hidden verb <c>import-one PROJECT FILE</c>: one import through NumberImporter in a process of its own,
/// as the app's import worker runs it, so the peak memory reported is the importing process's alone.
/// </summary>
public static class ImportOneVerb
{
    public const string Name = "import-one";

    public static async Task<int> RunAsync(string connectionString, string[] args)
    {
        var projectId = long.Parse(args[0]);
        var path = args[1];
        // Columns of ImportFileRows: phone, name (kept in extra), supplier (created when new).
        var settings = new ImportSettings { PhoneColumn = 0, SupplierColumn = 2 };
        await using var dataSource = CrmDataSource.Create(ImportExplain.ApplyTo(connectionString));
        var batchId = await CreateBatchAsync(dataSource, projectId, path, settings);
        var job = new ImportJob(batchId, projectId, "RU", path, settings, ImportFileLimits.Default,
            new AuditActor("bench", null, "127.0.0.1", "PhoneCrm.Benchmarks"));
        var importer = new NumberImporter(dataSource, NullLogger<NumberImporter>.Instance);
        using var cancellation = new CancellationTokenSource();

        using var timings = new CommandTimings();
        var started = Stopwatch.GetTimestamp();
        var outcome = await importer.RunAsync(job, new ImportBatchProgress(dataSource, batchId, cancellation), cancellation.Token);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var phases = ImportPhases.From(timings.Commands, DateTime.UtcNow);

        var result = new ChildResult(outcome.RowsRead, seconds, PeakMemory.OfSelfKb(),
            $"accepted {outcome.Accepted:N0}, rejected {outcome.Rejected:N0}, duplicates in file {outcome.DuplicatesInFile:N0}, " +
            $"already in project {outcome.DuplicatesInProject:N0}", phases);
        Console.WriteLine(ChildResult.LinePrefix + JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>An import_batches row as the upload endpoint leaves it (see ImportTestKit in the tests).</summary>
    private static async Task<long> CreateBatchAsync(NpgsqlDataSource dataSource, long projectId, string path, ImportSettings settings)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO import_batches (project_id, file_name, file_size, file_path, settings, status, created_by, actor)
            VALUES ($1, $2, $3, $2, $4::jsonb, 'queued', 'bench', '{}'::jsonb) RETURNING id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = projectId });
        command.Parameters.Add(new NpgsqlParameter { Value = path });
        command.Parameters.Add(new NpgsqlParameter { Value = new FileInfo(path).Length });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(settings) });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
