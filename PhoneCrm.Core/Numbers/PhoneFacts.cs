namespace PhoneCrm.Core.Numbers;

/// <summary>What the library's prefix maps say about an accepted number, in English, as stored with it.</summary>
/// <param name="Operator">The carrier mapper's name; null where it knows none (fixed lines, unmapped ranges).</param>
/// <param name="TimeZones">IANA ids; null when the library knows none.</param>
public sealed record PhoneFacts(string? Operator, string[]? TimeZones)
{
    public static readonly PhoneFacts None = new(null, null);
}
