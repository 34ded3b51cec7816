using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PhoneCrm.Core.Audit;
using PhoneCrm.Data;
using PhoneCrm.Data.Audit;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Data.Audit;

public sealed class AuditQueriesTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string Actor = "keyset-tester";
    private List<AuditEntry> _all = [];

    public async Task InitializeAsync()
    {
        await using var db = database.CreateContext();
        if (!await db.AuditLog.AnyAsync(a => a.Actor == Actor))
        {
            // Several rows share a timestamp, so paging must break ties on id.
            var start = DateTimeOffset.UtcNow.AddHours(-1);
            for (var i = 0; i < 125; i++)
            {
                db.AuditLog.Add(new AuditEntry
                {
                    At = start.AddSeconds(i / 3), Actor = Actor, Action = i % 2 == 0 ? AuditActions.Update : AuditActions.Create,
                    EntityType = AuditEntities.Project, EntityId = i.ToString(),
                });
            }
            await db.SaveChangesAsync();
        }
        _all = await db.AuditLog.Where(a => a.Actor == Actor).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToListAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Paging_older_then_newer_visits_every_row_once_in_order()
    {
        var queries = new AuditQueries(database);
        var filter = new AuditFilter(Actor: Actor);

        var pages = new List<AuditKeysetPage> { await queries.FirstAsync(filter, 50, default) };
        while (pages[^1].HasOlder)
        {
            var last = pages[^1].Rows[^1];
            pages.Add(await queries.OlderAsync(filter, new AuditCursor(last.At, last.Id), 50, default));
        }
        var back = await queries.NewerAsync(filter, new AuditCursor(pages[^1].Rows[0].At, pages[^1].Rows[0].Id), 50, default);

        Assert.Equal(_all.Select(a => a.Id), pages.SelectMany(p => p.Rows).Select(a => a.Id));
        Assert.Equal([50, 50, 25], pages.Select(p => p.Rows.Count));
        Assert.False(pages[0].HasNewer);
        Assert.Equal(pages[1].Rows.Select(r => r.Id), back.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Filters_combine()
    {
        var queries = new AuditQueries(database);

        var page = await queries.FirstAsync(new AuditFilter(Actor: Actor, Action: AuditActions.Create, EntityType: AuditEntities.Project), 500, default);

        Assert.Equal(_all.Count(a => a.Action == AuditActions.Create), page.Rows.Count);
        Assert.All(page.Rows, r => Assert.Equal(AuditActions.Create, r.Action));
    }

    [Fact]
    public async Task The_next_page_query_uses_a_row_value_predicate()
    {
        var sql = new List<string>();
        var options = new DbContextOptionsBuilder<CrmDbContext>()
            .UseNpgsql(database.DataSource)
            .LogTo(sql.Add, [DbLoggerCategory.Database.Command.Name], LogLevel.Information)
            .Options;
        var queries = new AuditQueries(new FixedOptionsFactory(options));

        await queries.OlderAsync(new AuditFilter(), new AuditCursor(DateTimeOffset.UtcNow, 10), 50, default);

        Assert.Contains(sql, s => s.Contains("(a.at, a.id) < (") && s.Contains("ORDER BY a.at DESC, a.id DESC"));
    }

    [Fact]
    public async Task The_database_refuses_to_change_history()
    {
        await using var db = database.CreateContext();
        var id = _all[0].Id;

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlAsync($"UPDATE audit_log SET actor = 'x' WHERE id = {id}"));
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlAsync($"DELETE FROM audit_log WHERE id = {id}"));
        Assert.Equal(Actor, (await db.AuditLog.SingleAsync(a => a.Id == id)).Actor);
    }

    private sealed class FixedOptionsFactory(DbContextOptions<CrmDbContext> options) : IDbContextFactory<CrmDbContext>
    {
        public CrmDbContext CreateDbContext() => new(options);
    }
}
