using PhoneCrm.Core.Audit;
using PhoneCrm.Core.Sftp;
using PhoneCrm.Data.Sftp;
using PhoneCrm.Web.Features.Sftp.Transport;

namespace PhoneCrm.Web.Features.Sftp;

/// <summary>What every step of one pull needs: the host, how to reach it, the run's id and its running totals.</summary>
public sealed record SftpPullContext(SftpHost Host, SftpEndpoint Endpoint, long RunId, string DefaultCountry, SftpRunTotals Totals)
{
    public AuditActor Actor { get; } = AuditActor.System($"sftp:{Host.Name}");
}
