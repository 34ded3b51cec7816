namespace PhoneCrm.Core.Reference;

/// <summary>A region or country numbers are called in.</summary>
public sealed class Geo
{
    public long Id { get; set; }

    /// <summary>Short code, e.g. an ISO country code ("RU") or a region code ("RU-MOW").</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = "Europe/Moscow";
}
