using System.Globalization;

namespace PhoneCrm.Web.Features.Shared;

/// <summary>
/// The time zone the UI shows and reads times in: Crm:DisplayTimeZone (an IANA id such as Europe/Moscow), else the
/// server's own. One zone for everyone: a call centre works in one, while a server in a container runs on UTC, where
/// the server's zone alone would show operators times three hours off.
/// </summary>
public sealed class DisplayTime(TimeZoneInfo zone)
{
    public const string ZoneKey = "Crm:DisplayTimeZone";

    public TimeZoneInfo Zone => zone;

    /// <summary>A moment as the user reads it, in the user's format ("g": 22.11.2026 14:03); empty for none.</summary>
    public string Text(DateTimeOffset? at, string format = "g") =>
        at is { } moment ? TimeZoneInfo.ConvertTime(moment, zone).ToString(format, CultureInfo.CurrentCulture) : "";

    /// <summary>A wall-clock time a user picked (in this zone) as a moment.</summary>
    public DateTimeOffset? Moment(DateTime? picked) => picked is { } wall
        ? new DateTimeOffset(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), zone.GetUtcOffset(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified)))
        : null;

    public static DisplayTime From(IConfiguration configuration)
    {
        var id = configuration[ZoneKey];
        if (string.IsNullOrWhiteSpace(id))
            return new(TimeZoneInfo.Local);
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? new(zone)
            : throw new InvalidOperationException($"{ZoneKey} is \"{id}\", which is not a known time zone (use an IANA id such as Europe/Moscow).");
    }
}
