using PhoneCrm.Core.Reference;

namespace PhoneCrm.Core.Projects;

public sealed class Project
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>ISO 3166 alpha-2 country assumed for numbers written without a country code.</summary>
    public string DefaultCountry { get; set; } = "RU";

    public WeeklySchedule Schedule { get; set; } = WeeklySchedule.Default;

    public List<Supplier> Suppliers { get; set; } = [];
    public List<Geo> Geos { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>Set when soft-deleted; the project then leaves every list but keeps its data.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }

    public bool IsDeleted => DeletedAt is not null;
}
