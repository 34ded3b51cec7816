using PhoneCrm.Data.Sftp;
using PhoneCrm.Web.Features.Sftp;
using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Web.Setup;

/// <summary>SFTP pulls: the SSH.NET transport, the ledger, the per-host Quartz jobs and the settings pages' service.</summary>
public static class SftpSetup
{
    public static void AddCrmSftp(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SftpTransportOptions.SectionName);
        var services = builder.Services;
        services.AddSingleton(section.Get<SftpOptions>() ?? new SftpOptions());
        services.AddSingleton(section.Get<SftpTransportOptions>() ?? new SftpTransportOptions());
        services.AddSingleton<SftpTransport>();
        services.AddSingleton<HostKeyScanner>();
        services.AddSingleton<SftpCredentials>();
        services.AddSingleton<SftpLedger>();
        services.AddSingleton<SftpLogQueries>();
        services.AddSingleton<SftpFileImport>();
        services.AddSingleton<SftpPuller>();
        services.AddSingleton<SftpSchedule>();
        services.AddScoped<SftpHostsService>();
        services.AddHostedService<SftpScheduleSync>();
    }
}
