namespace PhoneCrm.Web.Features.DeletedProjects;

public sealed record DeletedProjectRow(long Id, string Name, string? Description, DateTimeOffset DeletedAt, string DeletedBy);
