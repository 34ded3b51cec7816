using System.Diagnostics;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>
/// Finds an sshd's per-connection children through /proc. They call setsid, so they leave the listener's
/// process group, but their parent stays the listener: following parent ids finds them all.
/// </summary>
public static class SshdProcessTree
{
    public static IReadOnlyList<int> DescendantsOf(int rootPid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || ParentOf(pid) is not { } parent)
                continue;
            if (!children.TryGetValue(parent, out var list))
                children[parent] = list = [];
            list.Add(pid);
        }
        var found = new List<int>();
        var queue = new Queue<int>([rootPid]);
        while (queue.TryDequeue(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                found.Add(child);
                queue.Enqueue(child);
            }
        }
        return found;
    }

    public static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }

    public static async Task WaitGoneAsync(IEnumerable<int> pids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        // A killed child that nobody reaps stays a zombie: it holds nothing, so it counts as gone.
        while (pids.Any(pid => ParentOf(pid) is not null && !IsZombie(pid)) && DateTime.UtcNow < deadline)
            await Task.Delay(20);
    }

    /// <summary>The fourth field of /proc/PID/stat; the command name before it may contain spaces and ')'.</summary>
    private static int? ParentOf(int pid)
    {
        var stat = ReadStat(pid);
        if (stat is null)
            return null;
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.TryParse(fields[1], out var parent) ? parent : null;
    }

    private static bool IsZombie(int pid) => ReadStat(pid) is { } stat && stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');

    private static string? ReadStat(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
