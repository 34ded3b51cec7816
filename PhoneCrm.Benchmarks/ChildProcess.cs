using System.Diagnostics;
using System.Text.Json;

namespace PhoneCrm.Benchmarks;

/// <summary>Runs this same program with a hidden verb and returns what the child reported.</summary>
public static class ChildProcess
{
    public static async Task<ChildResult> RunAsync(string verb, params string[] args)
    {
        var startInfo = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        // Started as "dotnet PhoneCrm.Benchmarks.dll": the child needs the dll too.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            startInfo.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        startInfo.ArgumentList.Add(verb);
        foreach (var arg in args)
            startInfo.ArgumentList.Add(arg);

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start the {verb} child.");
        ChildResult? result = null;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ChildResult.LinePrefix, StringComparison.Ordinal))
                result = JsonSerializer.Deserialize<ChildResult>(line[ChildResult.LinePrefix.Length..]);
            else
                Console.WriteLine("    " + line);
        }
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || result is null)
            throw new InvalidOperationException($"The {verb} child exited with {process.ExitCode} without a result.");
        return result;
    }
}
