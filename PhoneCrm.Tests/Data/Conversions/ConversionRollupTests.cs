using PhoneCrm.Data.Conversions;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Data.Conversions;

/// <summary>
/// The rollup against the exact aggregate over randomized writes: imports, reverts, status changes, calls on time
/// and late, re-runs, runs racing writes, a time zone change and a permanent delete. It must never drift.
/// </summary>
public sealed class ConversionRollupTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private readonly ConversionRollup _rollup = new(database.DataSource);
    private readonly ConversionDriftCheck _check = new(database.DataSource);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Random_writes_and_runs_leave_no_drift(int seed)
    {
        var scenario = new ConversionScenario(database, seed);
        await scenario.SetUpReferenceAsync();
        var projects = await ProjectSeeder.InsertAsync(database, $"Conversion seed {seed}", 2);
        // Zones with a half-hour offset and with daylight saving, so days split where UTC days do not.
        await scenario.ExecuteAsync($"UPDATE projects SET schedule_time_zone = 'Asia/Kolkata' WHERE id = {projects[1]}");
        var random = new Random(seed);

        for (var round = 0; round < 6; round++)
        {
            for (var step = 0; step < 25; step++)
                await scenario.StepAsync(projects[random.Next(projects.Count)]);
            // Writes racing a run: whatever commits during it is left queued for the next one.
            var writes = Task.Run(async () =>
            {
                for (var step = 0; step < 5; step++)
                    await scenario.StepAsync(projects[0]);
            });
            await _rollup.RunAsync(CancellationToken.None);
            await writes;
            // The check counts queued changes as part of the rollup, so it holds between runs too.
            foreach (var project in projects)
                Assert.Empty(await _check.CheckAsync(project, CancellationToken.None));
            if (random.Next(2) == 0)
                await _rollup.RunAsync(CancellationToken.None);
        }

        await _rollup.RunAsync(CancellationToken.None);
        foreach (var project in projects)
        {
            Assert.Empty(await _check.CheckAsync(project, CancellationToken.None));
            // With nothing queued, the stored rows alone equal the rules as Core states them.
            Assert.Equal(await scenario.ComputedInCoreAsync(project), await scenario.RollupAsync(project));
        }
    }

    [Fact]
    public async Task A_run_repeated_changes_nothing()
    {
        var scenario = new ConversionScenario(database, 11);
        await scenario.SetUpReferenceAsync();
        var project = (await ProjectSeeder.InsertAsync(database, "Conversion rerun", 1))[0];
        for (var step = 0; step < 30; step++)
            await scenario.StepAsync(project);
        await _rollup.RunAsync(CancellationToken.None);
        var first = await scenario.RollupAsync(project);

        var again = await _rollup.RunAsync(CancellationToken.None);

        Assert.Equal(0, again.FoldedChanges);
        Assert.Equal(0, again.RebuiltProjects);
        Assert.Equal(first, await scenario.RollupAsync(project));
    }

    [Fact]
    public async Task A_time_zone_change_moves_numbers_to_their_new_days()
    {
        var scenario = new ConversionScenario(database, 12);
        var project = (await ProjectSeeder.InsertAsync(database, "Conversion zone", 1))[0];
        await scenario.ExecuteAsync($"""
            INSERT INTO numbers (project_id, phone, created_at) VALUES ({project}, '+79181200001', '2026-03-10 22:30:00+00')
            """);
        await _rollup.RunAsync(CancellationToken.None);
        Assert.Equal(new DateOnly(2026, 3, 11), Assert.Single(await scenario.RollupAsync(project)).Key.Day);

        await scenario.ExecuteAsync($"UPDATE projects SET schedule_time_zone = 'America/New_York' WHERE id = {project}");
        Assert.NotEmpty(await _check.CheckAsync(project, CancellationToken.None));
        var run = await _rollup.RunAsync(CancellationToken.None);

        Assert.Equal(1, run.RebuiltProjects);
        Assert.Equal(new DateOnly(2026, 3, 10), Assert.Single(await scenario.RollupAsync(project)).Key.Day);
        Assert.Empty(await _check.CheckAsync(project, CancellationToken.None));
    }

    [Fact]
    public async Task A_permanently_deleted_project_leaves_the_rollup()
    {
        var scenario = new ConversionScenario(database, 13);
        await scenario.SetUpReferenceAsync();
        var project = (await ProjectSeeder.InsertAsync(database, "Conversion doomed", 1))[0];
        for (var step = 0; step < 10; step++)
            await scenario.StepAsync(project);
        await _rollup.RunAsync(CancellationToken.None);

        await scenario.ExecuteAsync($"SELECT drop_numbers_partition({project}); DELETE FROM projects WHERE id = {project}");
        await _rollup.RunAsync(CancellationToken.None);

        Assert.Equal(0L, await scenario.ScalarAsync<long>($"SELECT count(*) FROM conversion_daily WHERE project_id = {project}"));
        Assert.Equal(0L, await scenario.ScalarAsync<long>($"SELECT count(*) FROM conversion_projects WHERE project_id = {project}"));
    }

    [Fact]
    public async Task A_full_rebuild_repairs_a_damaged_rollup()
    {
        var scenario = new ConversionScenario(database, 14);
        await scenario.SetUpReferenceAsync();
        var project = (await ProjectSeeder.InsertAsync(database, "Conversion repair", 1))[0];
        for (var step = 0; step < 20; step++)
            await scenario.StepAsync(project);
        await _rollup.RunAsync(CancellationToken.None);
        await scenario.ExecuteAsync($"UPDATE conversion_daily SET converted = converted + 7 WHERE project_id = {project}");
        Assert.NotEmpty(await _check.CheckAsync(project, CancellationToken.None));

        await _rollup.RebuildAsync(null, CancellationToken.None);

        Assert.Empty(await _check.CheckAsync(project, CancellationToken.None));
    }
}
