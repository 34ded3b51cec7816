namespace PhoneCrm.Benchmarks;

/// <summary>
/// Names the importer's statements by what they do. The file is read and normalised on another thread, a chunk
/// ahead of the statements; time spent waiting for it (or in other client work) shows as the gaps between statements.
/// </summary>
public static class ImportPhases
{
    // Matched by a fragment each statement alone contains (Npgsql may report parameters as $1, not @name).
    private static readonly (string Fragment, string Phase)[] _names =
    [
        ("pg_advisory_lock(", "batch lock"),
        ("SET status = 'running'", "mark running"),
        ("pg_advisory_xact_lock(", "project lock"),
        ("jit = off", "JIT off"),
        ("INSERT INTO suppliers", "supplier creation (new names)"),
        ("JOIN suppliers s ON lower(s.name)", "supplier ids (new names)"),
        ("FROM geos g", "geo ids by name (new names)"),
        ("JOIN geos g", "geo ids by country (new countries)"),
        ("FROM phone_directory d", "existing-elsewhere check"),
        ("FROM numbers n WHERE n.project_id", "existing-in-project check"),
        ("COPY import_rejects", "binary COPY of reject report rows"),
        ("COPY numbers", "binary COPY into numbers (+ counters)"),
        ("numbers_id_seq", "read the id sequence"),
        ("SET status = 'completed'", "complete batch + audit"),
        ("COMMIT", "commit"),
        ("CONNECT", "open a connection"),
    ];

    public static List<PhaseTiming> From(IReadOnlyList<(DateTime Start, TimeSpan Duration, string Sql)> commands, DateTime runEnd)
    {
        // A statement run once per chunk is one line: its total, with how many times it ran.
        var phases = new List<PhaseTiming>();
        var runs = new Dictionary<string, (int Index, int Count, double Milliseconds)>();
        var mine = commands.Where(c => !c.Sql.Contains("SET rows_read", StringComparison.Ordinal)).ToList();
        var gaps = 0d;
        DateTime? previousEnd = null;
        foreach (var (start, duration, sql) in mine)
        {
            if (previousEnd is { } end && start > end)
                gaps += (start - end).TotalMilliseconds;
            previousEnd = start + duration;
            var name = Name(sql);
            var (index, count, total) = runs.TryGetValue(name, out var seen) ? seen : (phases.Count, 0, 0d);
            if (count == 0)
                phases.Add(new PhaseTiming(name, 0));
            runs[name] = (index, count + 1, total + duration.TotalMilliseconds);
        }
        foreach (var (name, (index, count, total)) in runs)
            phases[index] = new PhaseTiming(count == 1 ? name : $"{name} (x{count})", total);
        phases.Add(new PhaseTiming("between statements (waiting for the file reader, client work)", gaps));
        if (mine.Count > 0)
        {
            var last = mine[^1];
            var tail = (runEnd - (last.Start + last.Duration)).TotalMilliseconds;
            phases.Add(new PhaseTiming("after last statement (commit, close)", tail));
        }
        return phases;
    }

    private static string Name(string sql)
    {
        var normalised = sql.Replace("\r\n", "\n").Trim();
        foreach (var (fragment, phase) in _names)
        {
            if (normalised.Contains(fragment, StringComparison.OrdinalIgnoreCase))
                return phase;
        }
        var firstLine = normalised.Split('\n')[0];
        return firstLine.Length > 60 ? firstLine[..60] + "…" : firstLine;
    }
}
