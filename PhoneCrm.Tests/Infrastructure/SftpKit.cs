using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PhoneCrm.Core.Sftp;
using PhoneCrm.Data;
using PhoneCrm.Data.DataProtection;
using PhoneCrm.Data.Imports;
using PhoneCrm.Data.Sftp;
using PhoneCrm.Web.Features.Imports;
using PhoneCrm.Web.Features.Sftp;
using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>
/// The SFTP pull services wired as the app wires them (real OpenSSH client, real database, the shared Data
/// Protection key ring), as one "app instance": two kits on one database are two instances.
/// </summary>
public sealed class SftpKit : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public SftpKit(TestDatabase database, double stableCheckSeconds = 0.3, int? bandwidthLimitKbps = null)
    {
        DownloadDirectory = Path.Combine(Path.GetTempPath(), $"sftp-kit-{Guid.NewGuid():N}");
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<NpgsqlDataSource>(database.DataSource);
        services.AddSingleton<IDbContextFactory<CrmDbContext>>(database);
        services.AddCrmDataProtection(database.DataSource);
        services.AddSingleton(new SftpOptions { StableCheckSeconds = stableCheckSeconds, DownloadDirectory = DownloadDirectory });
        services.AddSingleton(new SftpTransportOptions { BandwidthLimitKbps = bandwidthLimitKbps });
        services.AddSingleton(TestLocalizer.Create());
        services.AddSingleton(new ImportOptions());
        services.AddSingleton<NumberImporter>();
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<SftpTransport>();
        services.AddSingleton<SftpCredentials>();
        services.AddSingleton<SftpLedger>();
        services.AddSingleton<SftpFileImport>();
        services.AddSingleton<SftpPuller>();
        _services = services.BuildServiceProvider();
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Where this instance downloads files; empty after every pull.</summary>
    public string DownloadDirectory { get; }

    public SftpCredentials Credentials => _services.GetRequiredService<SftpCredentials>();

    public Task<SftpPullResult> PullAsync(long hostId, CancellationToken cancellationToken = default) =>
        _services.GetRequiredService<SftpPuller>().PullAsync(hostId, "tests", "tests", cancellationToken);

    /// <summary>A host for the server's user in <paramref name="folder"/>, with its real key pinned unless told otherwise.</summary>
    public async Task<long> CreateHostAsync(TestDatabase database, SshServer server, long projectId, string folder,
        bool password = false, HostKey? pinnedKey = null, Action<SftpHost>? configure = null)
    {
        var host = new SftpHost
        {
            Name = $"{folder}-{Guid.NewGuid():N}",
            Host = server.Host,
            Port = server.Port,
            UserName = server.UserName,
            AuthKind = password ? SftpAuthKind.Password : SftpAuthKind.PrivateKey,
            ProtectedSecret = Credentials.Protect(password ? server.Password : server.ClientPrivateKeyPem),
            RemoteFolder = folder,
            FilePattern = "*.csv;*.xlsx",
            ProjectId = projectId,
            PinnedHostKey = (pinnedKey ?? server.HostKey).ToString(),
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        configure?.Invoke(host);
        await using var db = database.CreateContext();
        db.SftpHosts.Add(host);
        await db.SaveChangesAsync();
        return host.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(DownloadDirectory))
            Directory.Delete(DownloadDirectory, recursive: true);
    }
}
