using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Identity;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Users;

/// <summary>How the users pages name roles: the resources Roles.Administrator, Roles.Manager.</summary>
public static class RoleTitles
{
    private const string Keys = "Roles.";

    public static IReadOnlyList<LocalizedChoice> All(IStringLocalizer<Strings> l) => LocalizedChoice.All(CrmRoles.All, Keys, l);

    public static string Of(string role, IStringLocalizer<Strings> l) => LocalizedChoice.TitleOf(role, Keys, l);
}
