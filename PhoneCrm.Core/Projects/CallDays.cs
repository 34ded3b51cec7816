namespace PhoneCrm.Core.Projects;

/// <summary>Days of the week as flags, so a schedule stores them in one integer column.</summary>
[Flags]
public enum CallDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
}
