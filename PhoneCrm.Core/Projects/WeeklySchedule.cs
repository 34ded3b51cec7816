namespace PhoneCrm.Core.Projects;

/// <summary>When a project's numbers may be called: which days, and the daily window in the schedule's time zone.</summary>
public sealed record WeeklySchedule(CallDays Days, TimeOnly WindowStart, TimeOnly WindowEnd, string TimeZone)
{
    public static readonly WeeklySchedule Default = new(
        CallDays.Monday | CallDays.Tuesday | CallDays.Wednesday | CallDays.Thursday | CallDays.Friday,
        new TimeOnly(9, 0), new TimeOnly(18, 0), "Europe/Moscow");
}
