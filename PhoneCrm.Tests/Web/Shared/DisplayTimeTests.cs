using Microsoft.Extensions.Configuration;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Shared;

namespace PhoneCrm.Tests.Web.Shared;

public sealed class DisplayTimeTests
{
    [Fact]
    public void Times_show_in_the_configured_zone_and_picked_times_are_read_in_it()
    {
        var moscow = DisplayTime.From(Configuration("Europe/Moscow"));
        var at = new DateTimeOffset(2026, 11, 22, 11, 5, 0, TimeSpan.Zero);

        using (new CultureScope("ru"))
        {
            Assert.Equal("22.11.2026 14:05", moscow.Text(at));
            Assert.Equal("", moscow.Text(null));
        }
        // A user who picks 14:05 in Moscow means 11:05 UTC.
        Assert.Equal(at, moscow.Moment(new DateTime(2026, 11, 22, 14, 5, 0)));
        Assert.Null(moscow.Moment(null));
    }

    [Fact]
    public void Without_a_setting_the_servers_zone_is_used_and_an_unknown_zone_stops_the_start_with_its_name()
    {
        Assert.Equal(TimeZoneInfo.Local, DisplayTime.From(Configuration(null)).Zone);

        var error = Assert.Throws<InvalidOperationException>(() => DisplayTime.From(Configuration("Mars/Olympus")));
        Assert.Contains(DisplayTime.ZoneKey, error.Message);
        Assert.Contains("Mars/Olympus", error.Message);
    }

    private static IConfiguration Configuration(string? zone) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DisplayTime.ZoneKey] = zone }).Build();
}
