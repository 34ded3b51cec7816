namespace PhoneCrm.Core.Numbers;

/// <summary>Where a number stands. Stored as smallint: the values are part of the schema, never renumber them.</summary>
public enum NumberStatus : short
{
    New = 0,
    InWork = 1,
    NoAnswer = 2,
    Callback = 3,
    Reached = 4,
    Converted = 5,
    Rejected = 6,
}
