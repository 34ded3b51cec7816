namespace PhoneCrm.Core.Identity;

public static class CrmRoles
{
    public const string Administrator = "Administrator";
    public const string Manager = "Manager";

    public static readonly IReadOnlyList<string> All = [Administrator, Manager];
}
