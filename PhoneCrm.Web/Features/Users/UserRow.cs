namespace PhoneCrm.Web.Features.Users;

public sealed record UserRow(
    string Id,
    string UserName,
    string DisplayName,
    string Role,
    bool IsDisabled,
    bool IsLockedOut,
    IReadOnlyList<long> ProjectIds);
