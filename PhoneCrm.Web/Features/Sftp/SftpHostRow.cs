using PhoneCrm.Core.Sftp;
using PhoneCrm.Data.Sftp;

namespace PhoneCrm.Web.Features.Sftp;

/// <summary>A host as the hosts page lists it, with its project, its last run and when the next is due.</summary>
public sealed record SftpHostRow(SftpHost Host, string ProjectName, string? Fingerprint, SftpRunRow? LastRun, DateTimeOffset? NextPull);
