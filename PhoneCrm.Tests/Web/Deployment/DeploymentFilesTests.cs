using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using PhoneCrm.Tests.Infrastructure;

namespace PhoneCrm.Tests.Web.Deployment;

public sealed class DeploymentFilesTests
{
    [Fact]
    public async Task The_compose_file_is_valid()
    {
        var (exit, _, errors) = await ComposeAsync("config", "-q");

        Assert.True(exit == 0, errors);
    }

    [Fact]
    public async Task The_monitoring_profile_adds_prometheus_and_grafana()
    {
        var (exit, services, errors) = await ComposeAsync("--profile", "monitoring", "config", "--services");

        Assert.True(exit == 0, errors);
        Assert.Equal(["app", "db", "grafana", "prometheus"], services.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        var scrape = await File.ReadAllTextAsync(Path.Combine(AppProcess.RepositoryRoot, "deploy", "prometheus", "prometheus.yml"));
        Assert.Contains("targets: [\"app:8080\"]", scrape);
    }

    /// <summary>docker-compose v1 checks a compose file offline (no Docker engine runs here).</summary>
    private static async Task<(int Exit, string Output, string Errors)> ComposeAsync(params string[] arguments)
    {
        const string compose = "/usr/bin/docker-compose";
        Assert.True(File.Exists(compose), "docker-compose is missing: apt-get install -y docker-compose");
        var start = new ProcessStartInfo(compose, ["-f", "docker-compose.yml", .. arguments])
        {
            WorkingDirectory = AppProcess.RepositoryRoot,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    [Fact]
    public void The_grafana_board_reads_the_provisioned_source_and_only_metrics_the_app_defines()
    {
        var root = AppProcess.RepositoryRoot;
        using var board = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "deploy", "grafana", "dashboards", "phonecrm.json")));
        var source = File.ReadAllText(Path.Combine(root, "deploy", "grafana", "provisioning", "datasources", "prometheus.yml"));
        var defined = Regex.Matches(File.ReadAllText(Path.Combine(root, "PhoneCrm.Web", "Features", "Metrics", "CrmMetrics.cs")),
                @"Create(?:Counter|Histogram|UpDownCounter|ObservableGauge)(?:<\w+>)?\(""([a-z._]+)""")
            .Select(m => "phonecrm_" + m.Groups[1].Value.Replace('.', '_'))
            .ToHashSet();
        var panels = board.RootElement.GetProperty("panels").EnumerateArray().ToList();

        Assert.NotEmpty(panels);
        foreach (var panel in panels)
        {
            var uid = panel.GetProperty("datasource").GetProperty("uid").GetString()!;
            Assert.Contains($"uid: {uid}", source);
            foreach (var target in panel.GetProperty("targets").EnumerateArray())
            {
                foreach (Match used in Regex.Matches(target.GetProperty("expr").GetString()!, @"phonecrm_[a-z_]+"))
                {
                    var name = Regex.Replace(used.Value, "_(bucket|sum|count)$", "");
                    Assert.True(defined.Contains(name), $"{panel.GetProperty("title")} reads {used.Value}, which CrmMetrics does not define");
                }
            }
        }
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
