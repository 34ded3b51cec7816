namespace PhoneCrm.Web.Features.Shared;

/// <summary>
/// Folders that hold phone bases on their way in (uploads, SFTP downloads) and SFTP credentials: open to the app's own
/// user only (0700). Their default place is the temp folder, which every local user shares, so a folder someone else
/// made there first (and could read) is refused rather than used. That refusal relies on chmod failing for a folder
/// one does not own, which holds for the app's own user (the Docker image's); root may chmod anyone's folder, so an
/// install running as root should point Crm:Imports:UploadDirectory and Crm:Sftp:DownloadDirectory to a folder of its own.
/// </summary>
public static class PrivateDirectory
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> if needed, narrows it to its owner, and returns it.</summary>
    public static string Ensure(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }
        Directory.CreateDirectory(path, OwnerOnly);
        try
        {
            // A folder made before (by an older version, or by hand) may be wider; chmod works only for its owner.
            File.SetUnixFileMode(path, OwnerOnly);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidOperationException(
                $"{path} belongs to another user, who could read the files put there; remove it or configure another folder.", e);
        }
        return path;
    }
}
