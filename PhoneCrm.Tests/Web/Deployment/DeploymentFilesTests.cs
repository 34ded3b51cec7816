using System.Diagnostics;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Deployment;

public sealed class DeploymentFilesTests
{
    [Fact]
    public async Task The_compose_file_is_valid()
    {
        const string compose = "/usr/bin/docker-compose";
        Assert.True(File.Exists(compose), "docker-compose is missing: apt-get install -y docker-compose");
        var start = new ProcessStartInfo(compose, ["-f", "docker-compose.yml", "config", "-q"])
        {
            WorkingDirectory = AppProcess.RepositoryRoot,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, errors);
    }

    [Fact]
    public async Task Nothing_the_build_produces_is_committed()
    {
        var script = Path.Combine(AppProcess.RepositoryRoot, "PhoneCrm.Web", "wwwroot", "_framework", "blazor.web.js");
        var start = new ProcessStartInfo("git", ["ls-files", "--", "PhoneCrm.Web/wwwroot/_framework", "*/bin/*", "*/obj/*"])
        {
            WorkingDirectory = AppProcess.RepositoryRoot,
            RedirectStandardOutput = true,
        };
        using var git = Process.Start(start)!;
        var tracked = await git.StandardOutput.ReadToEndAsync();
        await git.WaitForExitAsync();

        Assert.True(File.Exists(script), "the build did not extract blazor.web.js");
        Assert.Equal(0, git.ExitCode);
        Assert.Equal("", tracked.Trim());
    }
}
