namespace PhoneCrm.Data.Projects;

/// <summary>A manager assigned to a project; managers see only the projects they are assigned to.</summary>
public sealed class ProjectManager
{
    public long ProjectId { get; set; }
    public string UserId { get; set; } = "";
}
