using PhoneCrm.Core.Projects;

namespace PhoneCrm.Web.Features.Projects;

public sealed record ProjectListRow(
    long Id,
    string Name,
    string? Description,
    IReadOnlyList<string> Suppliers,
    IReadOnlyList<string> Geos,
    WeeklySchedule Schedule,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
