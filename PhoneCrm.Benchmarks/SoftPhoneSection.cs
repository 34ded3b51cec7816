using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhoneCrm.Core.SoftPhone;
using PhoneCrm.Data;
using PhoneCrm.Data.DataProtection;
using PhoneCrm.Data.Identity;
using PhoneCrm.Data.Projects;

namespace PhoneCrm.Benchmarks;

/// <summary>
/// Issue 4's figures on the seeded base: single-event webhook requests for 30 s (events/s, latency
/// percentiles), the batch form (events/s), and webhook-answer-to-toast in Chromium while single events load
/// the app. The load generator, the app, PostgreSQL and Chromium share this machine's cores.
/// </summary>
public sealed class SoftPhoneSection(BenchDatabase database, BenchOptions options, string connectionString, ResultTable table)
{
    private const string OperatorName = "bench.operator";
    private const string OperatorPassword = "bench operator password";
    private static readonly TimeSpan _duration = TimeSpan.FromSeconds(30);

    public async Task RunAsync()
    {
        var secret = await CreateSecretAsync();
        var phones = await SamplePhonesAsync(20_000);
        var (markerProject, markerPhones) = await CreateMarkerProjectAsync();
        await using var app = await AppRunner.StartAsync(connectionString);
        var load = new WebhookLoad(app.BaseAddress, secret, phones);
        await load.RunAsync(1, 16, TimeSpan.FromSeconds(5), 100_000); // warm-up: JIT, pools, plans
        await LinkingDoneAsync();

        var single = await load.RunAsync(1, 16, _duration, 200_000);
        var singleLinked = await LinkedRateAsync(single);
        var l = single.Latencies;
        table.Add(new ResultRow($"webhook, single events, 16 senders for {_duration.TotalSeconds:0} s ({Format.Count(single.Requests)} requests, {single.Failures} failed, {Format.Count(single.SentAgain)} answered 503 and sent again): answered",
            $"{single.EventsPerSecond:N0} events/s", "", "", ">= 2,000 events/s", single.EventsPerSecond >= Targets.WebhookSingleEventsPerSecond));
        table.Add(new ResultRow($"webhook, single events: latency p50 {Format.Ms(l.P50)}, p95, p99 {Format.Ms(l.Percentile(99))}",
            Format.Ms(l.P95), "", "", "p95 < 25 ms", l.P95 < Targets.WebhookP95Ms));
        table.Add(new ResultRow($"single events linked to numbers, end to end (the last linked {singleLinked.DrainSeconds:0.00} s after the load ended)",
            $"{singleLinked.EventsPerSecond:N0} events/s", "", "", ">= 2,000 events/s", singleLinked.EventsPerSecond >= Targets.WebhookSingleEventsPerSecond));

        var batches = await load.RunAsync(1000, 4, _duration, 5_000);
        var batchesLinked = await LinkedRateAsync(batches);
        table.Add(new ResultRow($"webhook, batches of 1,000, 4 senders ({Format.Count(batches.Requests)} batches, p50 {Format.Ms(batches.Latencies.P50)} each, {batches.Failures} failed, {Format.Count(batches.SentAgain)} answered 503 and sent again): answered",
            $"{batches.EventsPerSecond:N0} events/s", "", "", ">= 20,000 events/s", batches.EventsPerSecond >= Targets.WebhookBatchEventsPerSecond));
        table.Add(new ResultRow($"batch events linked to numbers, end to end (the last linked {batchesLinked.DrainSeconds:0.00} s after the load ended)",
            $"{batchesLinked.EventsPerSecond:N0} events/s", "", "", ">= 20,000 events/s", batchesLinked.EventsPerSecond >= Targets.WebhookBatchEventsPerSecond));

        using var stop = new CancellationTokenSource();
        var background = load.RunAsync(1, 8, TimeSpan.FromMinutes(5), long.MaxValue, stop.Token);
        var toasts = await ToastLatencyBench.MeasureAsync(app, load, OperatorName, OperatorPassword, markerProject, markerPhones);
        await stop.CancelAsync();
        var duringToasts = await background;
        table.Add(new ResultRow($"webhook answer to toast in Chromium, {toasts.Count} events, while 8 senders load the webhook ({duringToasts.EventsPerSecond:N0} events/s): p50 {Format.Ms(toasts.P50)}, p95",
            Format.Ms(toasts.P95), "", "", "p95 < 1 s", toasts.Count > 0 && toasts.P95 < Targets.ToastP95Ms));
        table.Info("app process peak memory (VmHWM) after the webhook load", Format.Megabytes(PeakMemory.PeakKb(app.ProcessId)));
        table.Info("call events stored / unmatched", $"{Format.Count(await database.ScalarAsync<long>("SELECT count(*) FROM call_events"))} / " +
            Format.Count(await database.ScalarAsync<long>("SELECT count(*) FROM call_events WHERE linked_numbers = 0")));
    }

    /// <summary>
    /// The webhook answers once events are stored; the app links them to numbers just after. A load's events count
    /// as done when the last of them is linked: its events over its duration plus the wait for that.
    /// </summary>
    private async Task<(double EventsPerSecond, double DrainSeconds)> LinkedRateAsync(WebhookLoad.Result load)
    {
        var drain = await LinkingDoneAsync();
        return (load.Events / (load.Seconds + drain), drain);
    }

    /// <summary>Waits until no accepted event waits to be linked; returns the seconds that took.</summary>
    private async Task<double> LinkingDoneAsync()
    {
        var started = Stopwatch.GetTimestamp();
        while (await database.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM call_events WHERE linked_numbers IS NULL)"))
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(10))
                throw new InvalidOperationException("Call events were still waiting to be linked 10 minutes after the load ended.");
            await Task.Delay(50);
        }
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>A webhook secret as the SoftPhone page makes one: encrypted with the app's key ring, in the database.</summary>
    private async Task<string> CreateSecretAsync()
    {
        var services = new ServiceCollection().AddCrmDataProtection(database.DataSource).BuildServiceProvider();
        await using var _ = services;
        var secret = "whsec_bench_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(WebhookSecret.ProtectionPurpose);
        await using var db = NewContext();
        db.WebhookSecrets.Add(new WebhookSecret
        {
            Name = "benchmark",
            ProtectedSecret = Convert.ToBase64String(protector.Protect(Encoding.UTF8.GetBytes(secret))),
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "bench",
        });
        await db.SaveChangesAsync();
        return secret;
    }

    private async Task<IReadOnlyList<string>> SamplePhonesAsync(int count)
    {
        var percent = Math.Min(100.0, count * 150.0 / options.Numbers);
        var phones = new List<string>();
        await using var command = database.DataSource.CreateCommand(
            $"SELECT phone FROM numbers TABLESAMPLE SYSTEM ({percent.ToString(System.Globalization.CultureInfo.InvariantCulture)}) LIMIT {count}");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            phones.Add(reader.GetString(0));
        return phones;
    }

    /// <summary>A small project with one number per marker phone, and an operator who sees only it.</summary>
    private async Task<(long ProjectId, IReadOnlyList<string> Phones)> CreateMarkerProjectAsync()
    {
        var projectId = await database.ScalarAsync<long>("""
            WITH created AS (
                INSERT INTO projects (name, default_country, schedule_days, window_start, window_end, schedule_time_zone,
                                      created_at, created_by, updated_at, updated_by)
                VALUES ('SoftPhone toasts', 'RU', 127, '00:00', '23:59', 'Europe/Moscow', now(), 'bench', now(), 'bench')
                RETURNING id)
            SELECT id FROM created, LATERAL create_numbers_partition(id)
            """);
        var phones = Enumerable.Range(0, ToastLatencyBench.Markers).Select(i => $"+7812555{i:D4}").ToList();
        await database.ExecuteAsync($"INSERT INTO numbers (project_id, phone) SELECT {projectId}, unnest(ARRAY['{string.Join("','", phones)}'])");

        var user = new CrmUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = OperatorName,
            NormalizedUserName = OperatorName.ToUpperInvariant(),
            DisplayName = "Bench operator",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        user.PasswordHash = new PasswordHasher<CrmUser>().HashPassword(user, OperatorPassword);
        await using var db = NewContext();
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = "manager" });
        await db.SaveChangesAsync();
        db.ProjectManagers.Add(new ProjectManager { ProjectId = projectId, UserId = user.Id });
        await db.SaveChangesAsync();
        return (projectId, phones);
    }

    private CrmDbContext NewContext() =>
        new(new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql(database.DataSource).Options);
}
