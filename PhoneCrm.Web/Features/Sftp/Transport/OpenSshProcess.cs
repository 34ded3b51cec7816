using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PhoneCrm.Web.Features.Sftp.Transport;

internal sealed record OpenSshProcessResult(int ExitCode, string Stdout, string StderrTail);

/// <summary>
/// Runs sftp or ssh-keyscan to the end, or kills it with everything it started (sftp starts ssh) when the
/// caller cancels or the operation timeout passes. Whatever it printed passes through <c>scrub</c> before
/// it goes anywhere.
/// </summary>
internal static class OpenSshProcess
{
    /// <summary>Enough of stderr to explain a failure; a chatty server cannot make the pull log grow without bound.</summary>
    public const int StderrTailChars = 8 * 1024;

    public static async Task<OpenSshProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments,
        string? stdin, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, Func<string, string> scrub,
        CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        // sftp formats listing times in its own zone and locale: UTC and English month names are what the
        // listing parser reads; UTF-8 keeps non-ASCII names unescaped.
        startInfo.Environment["TZ"] = "UTC";
        startInfo.Environment["LC_ALL"] = "C.UTF-8";
        startInfo.Environment.Remove("SSH_AUTH_SOCK");
        startInfo.Environment.Remove("DISPLAY");
        foreach (var (name, value) in environment)
            startInfo.Environment[name] = value;

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new SftpTransportException(SftpFailureKind.Connection,
                $"Could not start {fileName} ({e.Message}). Install the OpenSSH client: apt-get install -y openssh-client", inner: e);
        }

        using var timeoutSource = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutSource.Token);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = ReadTailAsync(process.StandardError);
        try
        {
            if (stdin is not null)
                await process.StandardInput.WriteAsync(stdin.AsMemory(), linked.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(linked.Token);
        }
        catch (IOException)
        {
            // sftp died before reading its whole batch (e.g. the connection failed at once); its exit code
            // and stderr say why.
            await process.WaitForExitAsync(CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            ct.ThrowIfCancellationRequested();
            throw new SftpTransportException(SftpFailureKind.Timeout,
                $"{Path.GetFileName(fileName)} did not finish within {timeout.TotalMinutes:0.##} minutes and was stopped.",
                scrub(await SettledOrEmptyAsync(stderr)));
        }
        return new OpenSshProcessResult(process.ExitCode, await stdout, scrub(await stderr));
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }
    }

    /// <summary>A killed process's pipes close at once; the wait only guards against a stray holder of the pipe.</summary>
    private static async Task<string> SettledOrEmptyAsync(Task<string> output)
    {
        try
        {
            return await output.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            return "";
        }
    }

    private static async Task<string> ReadTailAsync(StreamReader reader)
    {
        var tail = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory())) > 0)
        {
            tail.Append(buffer, 0, read);
            if (tail.Length > StderrTailChars * 2)
                tail.Remove(0, tail.Length - StderrTailChars);
        }
        if (tail.Length > StderrTailChars)
            tail.Remove(0, tail.Length - StderrTailChars);
        return tail.ToString();
    }
}
