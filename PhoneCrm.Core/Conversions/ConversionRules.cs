using PhoneCrm.Core.Numbers;

namespace PhoneCrm.Core.Conversions;

/// <summary>
/// What each conversion measure counts, and which day a number counts on. The SQL in
/// PhoneCrm.Data/Conversions (the rollup, its triggers and the exact aggregate of the drift check) states the
/// same rules; the tests compare both with these.
///
/// The day: every measure of a number counts on the day the number was loaded (its created_at, in the
/// project's time zone), i.e. days are cohorts of loaded numbers. Why not the day of the first attempt, of
/// reaching, of conversion:
/// * the rates compare like with like: converted / loaded of a day is the share of that day's numbers that
///   converted, where per-event days would divide today's conversions by today's loads (different numbers);
///   a supplier or geo is judged by what its bases yield;
/// * a number adds to exactly one day, whatever happens to it and in whatever order its events arrive, so the
///   rollup is exact by plain addition and a late event lands where an on-time one would have;
/// * it needs no per-measure timestamp on the numbers table, whose writes are the hot path.
/// The price: a past day's figures keep changing while its numbers are still being worked.
///
/// The measures, per number as it stands now:
/// * loaded: the number exists (a reverted import takes its numbers away again);
/// * processed: at least one finished call attempt (attempts &gt; 0);
/// * reached: a person was spoken to: status Callback, Reached, Converted or Rejected (a refusal is a contact);
/// * converted: status Converted; rejected: status Rejected;
/// * attempts and talk time: the number's finished attempts and answered seconds.
/// Statuses set by hand count as they are, with or without calls, so a rate can exceed 100 % when people
/// mark numbers nobody called; the figures then show what was recorded rather than hiding it.
/// </summary>
public static class ConversionRules
{
    /// <summary>The statuses that mean a person was reached. The SQL lists the same values: (3, 4, 5, 6).</summary>
    public static readonly IReadOnlySet<NumberStatus> ReachedStatuses = new HashSet<NumberStatus>
    {
        NumberStatus.Callback, NumberStatus.Reached, NumberStatus.Converted, NumberStatus.Rejected,
    };

    public static bool IsProcessed(int attempts) => attempts > 0;

    public static bool IsReached(NumberStatus status) => ReachedStatuses.Contains(status);

    /// <summary>The day a number counts on: the calendar date of its creation in the project's time zone.</summary>
    public static DateOnly DayOf(DateTimeOffset createdAt, TimeZoneInfo projectZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(createdAt, projectZone).DateTime);

    /// <summary>The figures one number adds to its day.</summary>
    public static ConversionFigures Of(NumberStatus status, int attempts, int talkSeconds) => new(
        Loaded: 1,
        Processed: IsProcessed(attempts) ? 1 : 0,
        Reached: IsReached(status) ? 1 : 0,
        Converted: status == NumberStatus.Converted ? 1 : 0,
        Rejected: status == NumberStatus.Rejected ? 1 : 0,
        Attempts: attempts,
        TalkSeconds: talkSeconds);
}
