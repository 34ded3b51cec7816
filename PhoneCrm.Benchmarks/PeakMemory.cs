namespace PhoneCrm.Benchmarks;

/// <summary>Peak and current resident set of a process, from /proc/&lt;pid&gt;/status (VmHWM, VmRSS), in kilobytes.</summary>
public static class PeakMemory
{
    public static long OfSelfKb() => Read("/proc/self/status", "VmHWM:");

    public static long PeakKb(int processId) => Read($"/proc/{processId}/status", "VmHWM:");

    public static long CurrentKb(int processId) => Read($"/proc/{processId}/status", "VmRSS:");

    private static long Read(string path, string key)
    {
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0]);
        }
        catch (IOException)
        {
            return 0; // the process has exited
        }
    }
}
