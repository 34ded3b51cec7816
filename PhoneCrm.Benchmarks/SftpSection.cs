using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PhoneCrm.Core.Sftp;
using PhoneCrm.Data.Conversions;
using PhoneCrm.Data.DataProtection;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// Issue 5's figure: one CSV imported directly (the import an upload runs) into one fresh project, and pulled
/// through SFTP by the real app into another, from scripts/bench.sh's private sshd on loopback. The pull is
/// timed by its own sftp_runs row, so it holds everything a pull does: two listings a stability wait apart,
/// the download, SHA-256, the import and the move to the processed folder.
/// </summary>
public sealed class SftpSection(BenchDatabase database, BenchOptions options, string connectionString, ResultTable table)
{
    private const string Target = "< 1.5x";
    private const string RemoteName = "numbers.csv";
    /// <summary>Numbers both projects hold before the import, so about 5% of the file's rows meet one (as in section 2).</summary>
    private const int ExistingNumbers = 100_000;
    /// <summary>The shortest wait the setting allows in practice; the app's default is 10 s.</summary>
    private const int StableCheckSeconds = 1;

    public async Task RunAsync()
    {
        if (SftpBenchServer.FromEnvironment() is not { } server)
        {
            table.Add(new ResultRow("SFTP pull vs direct import", "not measured: no PHONECRM_BENCH_SFTP_* server (scripts/bench.sh starts one as root)",
                "", "", Target, null));
            return;
        }
        var rows = options.ImportRows;
        var ids = await database.CreateProjectsAsync(["SFTP bench: direct import", "SFTP bench: SFTP pull"]);
        var offset = PhoneSpace.Offset(options.Projects); // beyond the seeded projects' offsets
        foreach (var id in ids)
        {
            await database.ExecuteAsync($"INSERT INTO numbers (project_id, phone) SELECT {id}, {PhoneSpace.Sql("g", offset)} FROM generate_series(1::bigint, {ExistingNumbers}) g");
            await database.ExecuteAsync($"VACUUM (ANALYZE) numbers_p{id}");
        }
        var csvPath = Path.Combine(options.WorkDirectory, $"phonecrm-bench-sftp-{rows}.csv");
        ImportFileWriter.WriteCsv(csvPath, new ImportFileRows(ExistingNumbers, offset, ExistingNumbers).Generate(rows));
        var megabytes = new FileInfo(csvPath).Length / 1e6;

        await database.ExecuteAsync("CHECKPOINT");
        var direct = await ChildProcess.RunAsync(ImportOneVerb.Name, ids[0].ToString(), csvPath);

        var hostId = await CreateHostAsync(server, ids[1]);
        // The app's conversion rollup fires at its start and first rebuilds every project it does not hold
        // yet, the whole seeded base: caught up here, as in a running installation, it does not compete with the pull.
        var started = Stopwatch.GetTimestamp();
        await new ConversionRollup(database.DataSource).RunAsync(CancellationToken.None);
        table.Info("conversion rollup caught up before the app starts (not a measure)", Format.Seconds(Stopwatch.GetElapsedTime(started).TotalSeconds));
        await database.ExecuteAsync("CHECKPOINT");
        var (pull, appPeakKb) = await PullAsync(hostId, server, csvPath);
        File.Delete(csvPath);

        await CheckSameNumbersAsync(ids[0], ids[1]);
        if (!File.Exists(Path.Combine(server.Root, SftpHost.DefaultProcessedFolder, RemoteName)))
            throw new InvalidOperationException($"The pull imported the file but did not move it to {SftpHost.DefaultProcessedFolder}/.");
        Report(direct, pull, rows, megabytes, appPeakKb);
    }

    private void Report(ChildResult direct, SftpPullTiming pull, int rows, double megabytes, long appPeakKb)
    {
        var ratio = pull.Seconds / direct.Seconds;
        table.Add(new ResultRow($"direct import of a {Format.Count(rows)}-row CSV ({megabytes:0} MB) into a fresh project (import-one, as after an upload; {direct.Detail})",
            $"{Format.Seconds(direct.Seconds)} ({Format.Rate(rows / direct.Seconds)})", "", "", "", null));
        table.Add(new ResultRow($"SFTP pull of the same file by the app (sftp_runs finished - started: 2 listings {StableCheckSeconds} s apart, download, SHA-256, import, move)",
            $"{Format.Seconds(pull.Seconds)} ({Format.Rate(rows / pull.Seconds)})", "direct " + Format.Seconds(direct.Seconds), Format.Ratio(ratio),
            Target, ratio < Targets.SftpPullOverDirectImport));
        table.Info($"SFTP pull without the {StableCheckSeconds} s stability wait (ratio to the direct import)",
            $"{Format.Seconds(pull.Seconds - StableCheckSeconds)} ({Format.Ratio((pull.Seconds - StableCheckSeconds) / direct.Seconds)})");
        table.Info("SFTP pull: listings + wait + download + SHA-256 + column guess / import + move / ledger and audit",
            $"{Format.Seconds(pull.BeforeImportSeconds)} / {Format.Seconds(pull.ImportAndMoveSeconds)} / {Format.Seconds(pull.AfterMoveSeconds)}");
        table.Info("app process peak memory (VmHWM) after the SFTP pull", Format.Megabytes(appPeakKb));
    }

    /// <summary>
    /// Starts the app, which schedules the host at start-up, uploads the file once the app answers (a pull
    /// that overlapped the app's start-up would count its JIT and warm-up), and waits for the pull that found it.
    /// </summary>
    private async Task<(SftpPullTiming Pull, long AppPeakKb)> PullAsync(long hostId, SftpBenchServer server, string csvPath)
    {
        var work = Path.Combine(options.WorkDirectory, "sftp-app");
        await using var app = await AppRunner.StartAsync(connectionString, new Dictionary<string, string>
        {
            ["Crm__Sftp__StableCheckSeconds"] = StableCheckSeconds.ToString(),
            // Downloads land on the same disk as the direct import's file.
            ["Crm__Sftp__DownloadDirectory"] = Path.Combine(work, "downloads"),
        });
        server.Upload(csvPath, RemoteName);
        var timeout = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(options.ImportRows / 10_000.0);
        var waited = Stopwatch.StartNew();
        SftpPullTiming? pull;
        while ((pull = await FinishedPullAsync(hostId)) is null)
        {
            if (waited.Elapsed > timeout)
                throw new TimeoutException($"No SFTP pull of host {hostId} (127.0.0.1:{server.Port}) finished within {timeout.TotalMinutes:0} min.");
            await Task.Delay(250);
        }
        if (pull.FilesImported != 1)
            throw new InvalidOperationException($"The SFTP pull ended {pull.Status} with {pull.FilesImported} files imported: {pull.Error}");
        return (pull, PeakMemory.PeakKb(app.ProcessId));
    }

    private async Task<SftpPullTiming?> FinishedPullAsync(long hostId)
    {
        await using var command = database.DataSource.CreateCommand(SftpPullTiming.Sql);
        command.Parameters.Add(new NpgsqlParameter { Value = hostId });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        return new SftpPullTiming(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2),
            reader.GetInt64(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6));
    }

    /// <summary>A host as the settings page saves one: key login with the key encrypted by the app's key ring,
    /// the server's key pinned, every CSV of the login folder every 2 s, moved to processed/ once imported.</summary>
    private async Task<long> CreateHostAsync(SftpBenchServer server, long projectId)
    {
        var services = new ServiceCollection().AddCrmDataProtection(database.DataSource).BuildServiceProvider();
        await using var _ = services;
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(SftpHost.ProtectionPurpose);
        var secret = Convert.ToBase64String(protector.Protect(Encoding.UTF8.GetBytes(await File.ReadAllTextAsync(server.PrivateKeyFile))));
        var hostKey = HostKey.Parse(await File.ReadAllTextAsync(server.HostPublicKeyFile));

        await using var command = database.DataSource.CreateCommand("""
            INSERT INTO sftp_hosts (name, host, port, user_name, auth_kind, protected_secret, remote_folder, file_pattern,
                                    project_id, cron, after_import, processed_folder, failed_folder, pinned_host_key)
            VALUES ($1, '127.0.0.1', $2, $3, 'private_key', $4, '.', '*.csv', $5, '0/2 * * * * ?', 'move', $6, $7, $8)
            RETURNING id
            """);
        object[] values = ["bench " + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)), server.Port, server.UserName, secret,
            projectId, SftpHost.DefaultProcessedFolder, SftpHost.DefaultFailedFolder, hostKey.ToString()];
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task CheckSameNumbersAsync(long directId, long pulledId)
    {
        var counts = await database.LongsAsync($"""
            SELECT coalesce((SELECT sum(n) FROM number_counts WHERE project_id = p), 0)::bigint FROM unnest(ARRAY[{directId}, {pulledId}]) p
            """);
        if (counts[0] != counts[1])
            throw new InvalidOperationException($"The direct import left {counts[0]:N0} numbers but the SFTP pull {counts[1]:N0}: they must import the same.");
        table.Info("numbers in each project afterwards (direct = SFTP, checked)", Format.Count(counts[0]));
    }
}
