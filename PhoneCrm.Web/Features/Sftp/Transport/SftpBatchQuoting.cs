namespace PhoneCrm.Web.Features.Sftp.Transport;

/// <summary>
/// Writes paths as arguments of sftp batch commands. Found by trying names with spaces, quotes, backslashes,
/// '#', '*', '?', '[', a leading '-' and non-ASCII letters against OpenSSH 9.2 (get, put, rename, rm, mkdir):
/// inside double quotes only '"' and '\' need a backslash (glob characters in quotes are already literal), and a
/// leading '-' is read as a flag even when quoted, so relative paths get a "./" prefix.
/// </summary>
public static class SftpBatchQuoting
{
    public static string Quote(string path)
    {
        EnsureUsable(path);
        var safe = path.StartsWith('-') ? "./" + path : path;
        return "\"" + safe.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }

    /// <summary>A newline would end the batch command early and start a new one, which a hostile file name
    /// could use to run commands of its choosing; NUL cannot be passed at all.</summary>
    public static void EnsureUsable(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
            throw new ArgumentException("An SFTP path must not be empty.", nameof(path));
        if (path.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
            throw new ArgumentException("An SFTP path must not contain line breaks or NUL characters.", nameof(path));
    }

    /// <summary>Joins a remote folder and a file name the way the server will read it (always '/').</summary>
    public static string Combine(string folder, string name) =>
        folder.Length == 0 ? name : folder.EndsWith('/') ? folder + name : folder + "/" + name;
}
