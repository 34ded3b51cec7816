namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>Remote paths as the SFTP server reads them: always '/', whatever the app's own platform uses.</summary>
internal static class SftpRemotePath
{
    public static string Combine(string folder, string name) =>
        folder.Length == 0 ? name : folder.EndsWith('/') ? folder + name : folder + "/" + name;

    public static string FileName(string path)
    {
        var name = path.TrimEnd('/');
        var slash = name.LastIndexOf('/');
        return slash < 0 ? name : name[(slash + 1)..];
    }

    /// <summary>
    /// "calls.csv" → "calls.20261207-231500.csv", then "…-2.csv" and on: the name a file gets in processed/ or
    /// failed/ when one of that name is already there (a supplier sent the same name again with other content).
    /// </summary>
    public static string AlternativeName(string name, DateTimeOffset now, int attempt)
    {
        var dot = name.LastIndexOf('.');
        var (stem, extension) = dot > 0 ? (name[..dot], name[dot..]) : (name, "");
        var suffix = attempt <= 1 ? "" : $"-{attempt}";
        return $"{stem}.{now.UtcDateTime:yyyyMMdd-HHmmss}{suffix}{extension}";
    }
}
