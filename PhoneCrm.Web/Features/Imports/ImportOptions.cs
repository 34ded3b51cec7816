using PhoneCrm.Data.Imports.Files;

namespace PhoneCrm.Web.Features.Imports;

/// <summary>Crm:Imports settings.</summary>
public sealed class ImportOptions
{
    /// <summary>The largest file a user may upload (default 512 MB).</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Where uploads wait for their import; each file is deleted once its import ends.</summary>
    public string UploadDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "phonecrm-uploads");

    public ImportFileLimits Limits { get; set; } = new();
}
