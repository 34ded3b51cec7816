namespace PhoneCrm.Core.Audit;

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Restore = "restore";
    public const string PermanentDelete = "permanent_delete";
    public const string Login = "login";
    public const string LoginFailed = "login_failed";
    public const string Logout = "logout";
    public const string RoleChange = "role_change";
    public const string PasswordReset = "password_reset";
    public const string PasswordChange = "password_change";
    public const string Disable = "disable";
    public const string Enable = "enable";
    public const string AssignProjects = "assign_projects";
    public const string Export = "export";
    public const string Import = "import";
    public const string RevertImport = "revert_import";
    public const string BulkStatusChange = "bulk_status_change";
    public const string StatusChange = "status_change";
    public const string JobRun = "job_run";
    public const string CallEvent = "call_event";
    public const string Revoke = "revoke";
    public const string SftpPull = "sftp_pull";
    public const string SftpFile = "sftp_file";
    public const string PinHostKey = "pin_host_key";
    public const string HostKeyRefused = "host_key_refused";

    public static readonly IReadOnlyList<string> All =
    [
        Create, Update, Delete, Restore, PermanentDelete, Login, LoginFailed, Logout,
        RoleChange, PasswordReset, PasswordChange, Disable, Enable, AssignProjects, Export, Import, RevertImport,
        BulkStatusChange, StatusChange, JobRun, CallEvent, Revoke, SftpPull, SftpFile, PinHostKey, HostKeyRefused,
    ];
}
