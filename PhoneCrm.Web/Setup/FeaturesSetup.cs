using Microsoft.AspNetCore.Components.Server.Circuits;
using PhoneCrm.Data.Audit;
using PhoneCrm.Web.Features.Account;
using PhoneCrm.Web.Features.Audit;
using PhoneCrm.Web.Features.DeletedProjects;
using PhoneCrm.Web.Features.Projects;
using PhoneCrm.Web.Features.Reference;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Features.Users;

namespace PhoneCrm.Web.Setup;

public static class FeaturesSetup
{
    public static void AddCrmFeatures(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ClientConnection>();
        services.AddScoped<CircuitHandler, ClientConnectionCircuitHandler>();
        services.AddScoped<CurrentUserAccessor>();
        services.AddScoped<LoginAudit>();

        services.AddScoped<ProjectsService>();
        services.AddScoped<DeletedProjectsService>();
        services.AddScoped<ReferenceService>();
        services.AddScoped<UsersService>();
        services.AddSingleton<AuditQueries>();
        services.AddScoped<AuditCsvWriter>();
    }
}
