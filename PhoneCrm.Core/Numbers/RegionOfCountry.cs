namespace PhoneCrm.Core.Numbers;

/// <summary>A project country as given, and libphonenumber's region for it (null when the library knows none).</summary>
internal sealed record RegionOfCountry(string? Input, string? Region);
