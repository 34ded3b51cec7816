namespace PhoneCrm.Core.Audit;

public static class AuditEntities
{
    public const string Project = "project";
    public const string Supplier = "supplier";
    public const string Geo = "geo";
    public const string User = "user";
    public const string AuditLog = "audit_log";
    public const string Job = "job";
    public const string Number = "number";
    public const string WebhookSecret = "webhook_secret";
    public const string CallResultStatus = "call_result_status";
    public const string SftpHost = "sftp_host";

    public static readonly IReadOnlyList<string> All =
        [Project, Number, Supplier, Geo, User, AuditLog, Job, WebhookSecret, CallResultStatus, SftpHost];
}
