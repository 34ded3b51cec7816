using PhoneCrm.Core.Identity;

namespace PhoneCrm.Web.Features.Users;

public sealed class NewUser
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = CrmRoles.Manager;
    public string Password { get; set; } = "";
}
