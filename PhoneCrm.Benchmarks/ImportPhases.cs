namespace PhoneCrm.Benchmarks;

/// <summary>
/// Names the importer's statements by what they do. Reading the file and normalising run inside the binary
/// COPY's span (rows are produced as they are sent), so that phase covers all three.
/// </summary>
public static class ImportPhases
{
    // Matched by a fragment each statement alone contains (Npgsql may report parameters as $1, not @name).
    private static readonly (string Fragment, string Phase)[] _names =
    [
        ("pg_advisory_lock(", "batch lock"),
        ("SET status = 'running'", "mark running"),
        ("pg_advisory_xact_lock(", "project lock"),
        ("CREATE TEMP TABLE import_staging", "create staging"),
        ("COPY import_staging", "read file + normalise + binary COPY to staging"),
        ("ANALYZE import_staging", "ANALYZE staging"),
        ("FROM import_staging WHERE reason IS NOT NULL", "reject invalid"),
        ("CREATE TEMP TABLE import_unique", "DISTINCT ON (keep first)"),
        ("JOIN import_unique u ON u.phone = s.phone", "reject in-file duplicates"),
        ("INSERT INTO suppliers", "supplier creation"),
        ("CREATE TEMP TABLE import_skipped", "create skipped"),
        ("WHERE EXISTS (SELECT 1 FROM numbers n WHERE n.project_id", "existing-in-project check"),
        ("p.deleted_at IS NULL AND p.id <>", "existing-elsewhere check"),
        ("reason FROM import_skipped", "reject skipped"),
        ("INSERT INTO numbers", "insert numbers (+ counters)"),
        ("SET status = 'completed'", "complete batch + audit"),
        ("COMMIT", "commit"),
        ("CONNECT", "open a connection"),
    ];

    public static List<PhaseTiming> From(IReadOnlyList<(DateTime Start, TimeSpan Duration, string Sql)> commands, DateTime runEnd)
    {
        var phases = new List<PhaseTiming>();
        var mine = commands.Where(c => !c.Sql.Contains("SET rows_read", StringComparison.Ordinal)).ToList();
        foreach (var (_, duration, sql) in mine)
            phases.Add(new PhaseTiming(Name(sql), duration.TotalMilliseconds));
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
