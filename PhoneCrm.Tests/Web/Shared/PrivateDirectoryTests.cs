using System.Runtime.Versioning;
using PhoneCrm.Web.Features.Shared;

namespace PhoneCrm.Tests.Web.Shared;

// The app and its tests run on Linux (the folders' modes are Unix file modes).
[UnsupportedOSPlatform("windows")]
public sealed class PrivateDirectoryTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public void A_new_folder_is_made_open_to_its_owner_only()
    {
        var parent = Directory.CreateTempSubdirectory("phonecrm-private-");
        try
        {
            var path = PrivateDirectory.Ensure(Path.Combine(parent.FullName, "uploads", "nested"));

            Assert.True(Directory.Exists(path));
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
        }
        finally
        {
            parent.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_folder_made_wider_before_is_narrowed_and_keeps_its_files()
    {
        var parent = Directory.CreateTempSubdirectory("phonecrm-private-");
        try
        {
            var path = Path.Combine(parent.FullName, "exports");
            Directory.CreateDirectory(path);
            File.SetUnixFileMode(path, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                                       | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.WriteAllText(Path.Combine(path, "kept.txt"), "kept");

            PrivateDirectory.Ensure(path);

            Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
            Assert.Equal("kept", File.ReadAllText(Path.Combine(path, "kept.txt")));
        }
        finally
        {
            parent.Delete(recursive: true);
        }
    }
}
