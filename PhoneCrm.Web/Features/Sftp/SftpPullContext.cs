using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Sftp;
using PhoneCrm.Data.Sftp;
using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Web.Features.Sftp;

/// <summary>What every step of one pull needs: the host, how to reach it, the run's id and its running totals.</summary>
public sealed record SftpPullContext(SftpHost Host, SftpEndpoint Endpoint, long RunId, string DefaultCountry, SftpRunTotals Totals)
{
    public AuditActor Actor { get; } = ActorOf(Host);

    /// <summary>Who pulls, in the audit log and on import batches: the system, named after the host.</summary>
    public static AuditActor ActorOf(SftpHost host) => AuditActor.System($"sftp:{host.Name}");
}
