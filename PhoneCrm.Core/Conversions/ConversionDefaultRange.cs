namespace PhoneCrm.Core.Conversions;

/// <summary>The range a conversion page opens with: the last 30 days of load days, today included.</summary>
public static class ConversionDefaultRange
{
    public const int Days = 30;

    /// <summary>
    /// A number counts on its load day in its project's zone, so "today" is the latest today among the projects shown:
    /// at 22:00 UTC a Moscow project is already on the next day, and its numbers loaded since 21:00 UTC must be in.
    /// </summary>
    public static (DateOnly From, DateOnly To) For(DateTimeOffset now, IEnumerable<string> projectTimeZones)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var zone in projectTimeZones.Distinct())
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info))
            {
                var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, info).DateTime);
                if (local > today)
                    today = local;
            }
        }
        return (today.AddDays(1 - Days), today);
    }
}
