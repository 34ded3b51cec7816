using Microsoft.AspNetCore.Components.Server.Circuits;
using PhoneCrm.Data.Audit;
using PhoneCrm.Data.Imports;
using PhoneCrm.Data.Numbers;
using PhoneCrm.Web.Features.Account;
using PhoneCrm.Web.Features.Audit;
using PhoneCrm.Web.Features.Conversions;
using PhoneCrm.Web.Features.DeletedProjects;
using PhoneCrm.Web.Features.Imports;
using PhoneCrm.Web.Features.Numbers;
using PhoneCrm.Web.Features.Projects;
using PhoneCrm.Web.Features.Reference;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Features.Users;

namespace PhoneCrm.Web.Setup;

public static class FeaturesSetup
{
    public static void AddCrmFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<ClientConnection>();
        services.AddScoped<CircuitHandler, ClientConnectionCircuitHandler>();
        services.AddScoped<CurrentUserAccessor>();
        services.AddScoped<LoginAudit>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton(DisplayTime.From(builder.Configuration));

        services.AddScoped<ProjectsService>();
        services.AddScoped<DeletedProjectsService>();
        services.AddScoped<ReferenceService>();
        services.AddScoped<UsersService>();
        services.AddSingleton<AuditQueries>();
        services.AddScoped<AuditCsvWriter>();

        services.AddSingleton(builder.Configuration.GetSection("Crm:Imports").Get<ImportOptions>() ?? new ImportOptions());
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<NumberImporter>();
        services.AddSingleton<ImportRecovery>();
        services.AddSingleton<ImportJobLoader>();
        services.AddSingleton<ImportRunner>();
        services.AddHostedService<ImportWorker>();
        services.AddScoped<ImportsService>();
        services.AddSingleton<NumberQueries>();
        services.AddSingleton<NumberExporter>();
        services.AddSingleton<ExportProgress>();
        services.AddScoped<NumbersService>();
        services.AddConversions();
    }
}
