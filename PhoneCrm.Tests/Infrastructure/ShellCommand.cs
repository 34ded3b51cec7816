using System.Diagnostics;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>Runs a short command to the end and returns its stdout; any non-zero exit fails with its output.</summary>
public static class ShellCommand
{
    public static string Run(string fileName, IEnumerable<string> arguments, string? stdin = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        var commandLine = $"{fileName} {string.Join(' ', startInfo.ArgumentList)}";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {commandLine}");
        if (stdin is not null)
            process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{commandLine} did not finish within 60 s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{commandLine} exited with {process.ExitCode}:\n{stdout.Result}{stderr.Result}");
        return stdout.Result;
    }
}
