namespace PhoneCrm.Data.Numbers;

/// <summary>A row's position in a sort: its sort key (last call, for that sort) and id.</summary>
public sealed record NumberCursor(DateTimeOffset? LastCallAt, long Id);
