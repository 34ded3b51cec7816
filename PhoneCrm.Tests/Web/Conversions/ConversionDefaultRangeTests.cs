using Microsoft.Extensions.Time.Testing;
using PhoneCrm.Core.Conversions;
using PhoneCrm.Data.Conversions;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Conversions;

namespace PhoneCrm.Tests.Web.Conversions;

/// <summary>The range a conversion page opens with holds every shown project's today, whatever the UTC date.</summary>
public sealed class ConversionDefaultRangeTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset _lateEvening = new(2026, 12, 7, 22, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("UTC", "2026-12-07")]
    [InlineData("Europe/Moscow", "2026-12-08")]
    [InlineData("America/New_York", "2026-12-07")]
    [InlineData("Not/A_Zone", "2026-12-07")]
    public void Today_is_the_projects_own_today(string zone, string today)
    {
        var (from, to) = ConversionDefaultRange.For(_lateEvening, [zone]);

        Assert.Equal(DateOnly.Parse(today), to);
        Assert.Equal(ConversionDefaultRange.Days - 1, to.DayNumber - from.DayNumber);
    }

    [Fact]
    public void With_several_projects_the_range_ends_on_the_latest_today() =>
        Assert.Equal(new DateOnly(2026, 12, 8), ConversionDefaultRange.For(_lateEvening, ["America/New_York", "Europe/Moscow", "UTC"]).To);

    [Fact]
    public async Task Numbers_loaded_at_22_utc_into_a_moscow_project_are_on_the_page_it_opens_with()
    {
        var project = (await ProjectSeeder.InsertAsync(database, "Moscow evening", 1))[0];
        await database.ScalarAsync<int>($"UPDATE projects SET schedule_time_zone = 'Europe/Moscow' WHERE id = {project} RETURNING 1");
        var loadedAt = DateTimeOffset.UtcNow.UtcDateTime.Date.AddHours(22);
        await database.ScalarAsync<long>($"""
            WITH loaded AS (
                INSERT INTO numbers (project_id, phone, created_at)
                SELECT {project}, '+7916555' || lpad(i::text, 4, '0'), '{loadedAt:yyyy-MM-dd HH:mm:ss}+00'
                FROM generate_series(1, 12) i RETURNING 1)
            SELECT count(*) FROM loaded
            """);
        await new ConversionRollup(database.DataSource).RunAsync(CancellationToken.None);
        var service = new ConversionsService(database, new ConversionQueries(database.DataSource), new ConversionRollup(database.DataSource),
            TestLocalizer.Create(), new FakeTimeProvider(new DateTimeOffset(loadedAt, TimeSpan.Zero).AddMinutes(5)));

        var (from, to) = await service.DefaultRangeAsync(TestUsers.Administrator, project);
        var dashboard = await service.ProjectAsync(TestUsers.Administrator, project, from, to);

        Assert.Equal(DateOnly.FromDateTime(loadedAt).AddDays(1), to);
        Assert.Equal(12, dashboard.Totals.Loaded);
    }
}
