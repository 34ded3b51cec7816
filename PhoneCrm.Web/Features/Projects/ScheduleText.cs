using System.Globalization;
using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Projects;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Projects;

/// <summary>A schedule in a few words: "Mon–Fri 09:00–18:00 (Europe/Moscow)".</summary>
public static class ScheduleText
{
    public static readonly IReadOnlyList<(CallDays Day, DayOfWeek DayOfWeek)> Week =
    [
        (CallDays.Monday, DayOfWeek.Monday), (CallDays.Tuesday, DayOfWeek.Tuesday),
        (CallDays.Wednesday, DayOfWeek.Wednesday), (CallDays.Thursday, DayOfWeek.Thursday),
        (CallDays.Friday, DayOfWeek.Friday), (CallDays.Saturday, DayOfWeek.Saturday), (CallDays.Sunday, DayOfWeek.Sunday),
    ];

    public static string DayName(DayOfWeek day) => CultureInfo.CurrentUICulture.DateTimeFormat.GetAbbreviatedDayName(day);

    public static string Format(WeeklySchedule schedule, IStringLocalizer<Strings> l)
    {
        var days = Week.Where(d => schedule.Days.HasFlag(d.Day)).Select(d => DayName(d.DayOfWeek)).ToList();
        var dayText = days.Count == 7 ? l["Schedule.EveryDay"].Value : string.Join(", ", days);
        return $"{dayText} {schedule.WindowStart:HH\\:mm}–{schedule.WindowEnd:HH\\:mm} ({schedule.TimeZone})";
    }
}
