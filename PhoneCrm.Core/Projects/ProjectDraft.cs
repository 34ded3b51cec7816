namespace PhoneCrm.Core.Projects;

/// <summary>What a user fills in to create or edit a project.</summary>
public sealed class ProjectDraft
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string DefaultCountry { get; set; } = "RU";
    public CallDays Days { get; set; } = WeeklySchedule.Default.Days;
    public TimeOnly WindowStart { get; set; } = WeeklySchedule.Default.WindowStart;
    public TimeOnly WindowEnd { get; set; } = WeeklySchedule.Default.WindowEnd;
    public string TimeZone { get; set; } = WeeklySchedule.Default.TimeZone;
    public List<long> SupplierIds { get; set; } = [];
    public List<long> GeoIds { get; set; } = [];

    public static ProjectDraft From(Project project) => new()
    {
        Name = project.Name,
        Description = project.Description,
        DefaultCountry = project.DefaultCountry,
        Days = project.Schedule.Days,
        WindowStart = project.Schedule.WindowStart,
        WindowEnd = project.Schedule.WindowEnd,
        TimeZone = project.Schedule.TimeZone,
        SupplierIds = project.Suppliers.Select(s => s.Id).ToList(),
        GeoIds = project.Geos.Select(g => g.Id).ToList(),
    };

    public WeeklySchedule ToSchedule() => new(Days, WindowStart, WindowEnd, TimeZone);
}
