using PhoneCrm.Core.Conversions;
using PhoneCrm.Core.Numbers;

namespace PhoneCrm.Tests.Core.Conversions;

public sealed class ConversionRulesTests
{
    [Theory]
    [InlineData(NumberStatus.New, false)]
    [InlineData(NumberStatus.InWork, false)]
    [InlineData(NumberStatus.NoAnswer, false)]
    [InlineData(NumberStatus.Callback, true)]
    [InlineData(NumberStatus.Reached, true)]
    [InlineData(NumberStatus.Converted, true)]
    [InlineData(NumberStatus.Rejected, true)]
    public void Reached_means_a_person_was_spoken_to(NumberStatus status, bool reached) =>
        Assert.Equal(reached, ConversionRules.IsReached(status));

    [Fact]
    public void A_number_adds_one_loaded_and_its_own_attempts_and_talk_time()
    {
        Assert.Equal(new ConversionFigures(1, 0, 0, 0, 0, 0, 0), ConversionRules.Of(NumberStatus.New, 0, 0));
        Assert.Equal(new ConversionFigures(1, 1, 1, 1, 0, 3, 95), ConversionRules.Of(NumberStatus.Converted, 3, 95));
        Assert.Equal(new ConversionFigures(1, 1, 1, 0, 1, 1, 20), ConversionRules.Of(NumberStatus.Rejected, 1, 20));
        Assert.Equal(new ConversionFigures(1, 1, 0, 0, 0, 2, 0), ConversionRules.Of(NumberStatus.NoAnswer, 2, 0));
    }

    [Fact]
    public void The_day_is_the_creation_date_in_the_projects_time_zone()
    {
        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var lateUtcEvening = new DateTimeOffset(2026, 3, 10, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 3, 11), ConversionRules.DayOf(lateUtcEvening, moscow));
        Assert.Equal(new DateOnly(2026, 3, 10), ConversionRules.DayOf(lateUtcEvening, newYork));
    }

    [Fact]
    public void Rates_divide_by_processed_and_by_loaded()
    {
        var figures = new ConversionFigures(Loaded: 200, Processed: 100, Reached: 40, Converted: 10, Rejected: 5, Attempts: 150, TalkSeconds: 900);

        Assert.Equal(0.4, figures.ReachRate);
        Assert.Equal(0.1, figures.ConversionOfProcessed);
        Assert.Equal(0.05, figures.ConversionOfLoaded);
    }

    [Fact]
    public void Rates_of_nothing_are_unknown_not_zero()
    {
        Assert.Null(ConversionFigures.Zero.ReachRate);
        Assert.Null(ConversionFigures.Zero.ConversionOfProcessed);
        Assert.Null(new ConversionFigures(5, 0, 0, 0, 0, 0, 0).ConversionOfProcessed);
        Assert.Equal(0.0, new ConversionFigures(5, 0, 0, 0, 0, 0, 0).ConversionOfLoaded);
    }

    [Fact]
    public void Figures_add_up_measure_by_measure()
    {
        var sum = ConversionFigures.Sum([new(1, 2, 3, 4, 5, 6, 7), new(10, 20, 30, 40, 50, 60, 70)]);

        Assert.Equal(new ConversionFigures(11, 22, 33, 44, 55, 66, 77), sum);
    }

    [Fact]
    public void The_funnel_runs_from_loaded_to_converted_as_shares_of_loaded()
    {
        var steps = ConversionFunnelStep.Of(new ConversionFigures(200, 100, 40, 10, 5, 150, 900));

        Assert.Equal(["Loaded", "Processed", "Reached", "Converted"], steps.Select(s => s.Key));
        Assert.Equal([200L, 100, 40, 10], steps.Select(s => s.Count));
        Assert.Equal([1.0, 0.5, 0.2, 0.05], steps.Select(s => s.ShareOfLoaded!.Value));
    }
}
