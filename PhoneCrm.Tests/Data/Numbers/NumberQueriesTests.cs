using PhoneCrm.Core.Numbers;
using PhoneCrm.Data.Numbers;
using PhoneCrm.Tests.Data.Imports;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.DeletedProjects;
using PhoneCrm.Web.Features.Projects;

namespace PhoneCrm.Tests.Data.Numbers;

/// <summary>Keyset pages, counters and the partition scheme, checked on real plans.</summary>
public sealed class NumberQueriesTests(NumberQueriesTests.Fixture fixture) : IClassFixture<NumberQueriesTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public TestDatabase Database { get; } = new();
        public long[] Projects { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)Database).InitializeAsync();
            var kit = new ImportTestKit(Database);
            Projects = [await kit.CreateProjectAsync(), await kit.CreateProjectAsync(), await kit.CreateProjectAsync()];
            foreach (var (project, index) in Projects.Select((p, i) => (p, i)))
            {
                // 20,000 numbers each; every 7th called, statuses spread; the same phones in every project.
                await kit.ScalarAsync<int>($"""
                    WITH ins AS (
                        INSERT INTO numbers (project_id, phone, status, last_call_at, created_at)
                        SELECT {project}, '+7900' || lpad(i::text, 7, '0'), (i % 7)::smallint,
                               CASE WHEN i % 7 = 0 THEN timestamptz '2026-01-01' + i * interval '1 minute' END,
                               timestamptz '2026-01-01' + i * interval '1 second'
                        FROM generate_series(1, 20000) i RETURNING 1)
                    SELECT count(*)::int FROM ins
                    """);
            }
            await kit.ScalarAsync<int>("SELECT 1 FROM (SELECT 1) x; ANALYZE numbers");
        }

        public async Task DisposeAsync() => await Database.DisposeAsync();
    }

    private NumberQueries Queries => new(fixture.Database.DataSource);

    [Fact]
    public async Task Paging_forward_and_back_visits_each_row_once_in_both_sorts()
    {
        foreach (var sort in new[] { NumberSort.Created, NumberSort.LastCall })
        {
            var filter = new NumberFilter(fixture.Projects[0], Status: NumberStatus.New);
            var seen = new List<long>();
            var page = await Queries.PageAsync(filter, sort, PageRequest.First, null, 100, default);
            seen.AddRange(page.Rows.Select(r => r.Id));
            while (page.HasOlder)
            {
                page = await Queries.PageAsync(filter, sort, PageRequest.Older, page.Rows[^1].Cursor, 100, default);
                seen.AddRange(page.Rows.Select(r => r.Id));
            }
            var last = await Queries.PageAsync(filter, sort, PageRequest.Last, null, 100, default);
            var beforeLast = await Queries.PageAsync(filter, sort, PageRequest.Newer, last.Rows[0].Cursor, 100, default);

            var (count, exact) = await Queries.CountAsync(filter, default);
            Assert.True(exact);
            Assert.Equal(count, seen.Count);
            Assert.Equal(seen.Count, seen.Distinct().Count());
            Assert.Equal(seen.TakeLast(last.Rows.Count), last.Rows.Select(r => r.Id));
            Assert.Equal(seen.SkipLast(last.Rows.Count).TakeLast(100), beforeLast.Rows.Select(r => r.Id));
        }
    }

    [Fact]
    public async Task A_grid_page_reads_only_its_project_partition_through_an_index()
    {
        var project = fixture.Projects[1];
        await using var command = Queries.BuildPageCommand(new NumberFilter(project), NumberSort.LastCall, PageRequest.Older,
            new NumberCursor(DateTimeOffset.Parse("2026-01-05T00:00:00Z"), 500), 101);

        var plan = await ExplainAsync(command.CommandText, command.Parameters.Select(p => p.Clone()).ToArray());

        Assert.Contains($"numbers_p{project}", plan);
        Assert.DoesNotContain($"numbers_p{fixture.Projects[0]}", plan);
        Assert.DoesNotContain($"numbers_p{fixture.Projects[2]}", plan);
        Assert.Contains("Index", plan);
        Assert.DoesNotContain("Seq Scan on numbers", plan);
        Assert.Contains("ROW(", plan);
    }

    [Fact]
    public async Task Looking_up_a_phone_across_projects_is_one_index_probe_of_the_directory()
    {
        var plan = await ExplainAsync(NumberQueries.LookupSql.Replace("$1", "'+79000001234'"));
        var found = await Queries.FindByPhoneAsync("+79000001234", default);

        Assert.DoesNotContain("Seq Scan on numbers", plan);
        Assert.DoesNotContain("Seq Scan on phone_directory", plan);
        Assert.Contains("Index Scan using phone_directory_pkey on phone_directory", plan);
        Assert.Equal(fixture.Projects.Order(), found.Select(f => f.ProjectId).Order());
    }

    [Fact]
    public async Task Prefix_filter_and_counters_agree_with_the_rows()
    {
        var project = fixture.Projects[2];
        var (all, _) = await Queries.CountAsync(new NumberFilter(project), default);
        var (converted, _) = await Queries.CountAsync(new NumberFilter(project, Status: NumberStatus.Converted), default);
        var (prefixed, exact) = await Queries.CountAsync(new NumberFilter(project, PhonePrefix: "7900001"), default);
        var page = await Queries.PageAsync(new NumberFilter(project, PhonePrefix: "+7 900 001"), NumberSort.Created, PageRequest.First, null, 50, default);

        Assert.Equal(20_000, all);
        Assert.Equal(20_000 / 7, converted);
        Assert.True(exact);
        Assert.Equal(10_000, prefixed);
        Assert.All(page.Rows, r => Assert.StartsWith("+7900001", r.Phone));
    }

    [Fact]
    public async Task Deleting_a_project_for_good_drops_its_partition_and_leaves_the_others()
    {
        var kit = new ImportTestKit(fixture.Database);
        var doomed = await kit.CreateProjectAsync("Doomed " + Guid.NewGuid());
        await kit.ScalarAsync<int>($"INSERT INTO numbers (project_id, phone) SELECT {doomed}, '+7911' || lpad(i::text, 7, '0') FROM generate_series(1, 5000) i; SELECT 1");
        var projects = new ProjectsService(fixture.Database, TestLocalizer.Create());
        var name = (await projects.GetAsync(TestUsers.Administrator, doomed)).Name;
        await projects.SoftDeleteAsync(TestUsers.Administrator, doomed);

        await new DeletedProjectsService(fixture.Database, TestLocalizer.Create()).DeletePermanentlyAsync(TestUsers.Administrator, doomed, name);

        Assert.False(await kit.ScalarAsync<bool>($"SELECT to_regclass('numbers_p{doomed}') IS NOT NULL"));
        Assert.Equal(0L, await kit.ScalarAsync<long>($"SELECT count(*) FROM number_counts WHERE project_id = {doomed}"));
        Assert.Equal(60_000L, await kit.ScalarAsync<long>("SELECT count(*) FROM numbers"));
    }

    private async Task<string> ExplainAsync(string sql, params Npgsql.NpgsqlParameter[] parameters)
    {
        await using var command = fixture.Database.DataSource.CreateCommand("EXPLAIN " + sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }
}
