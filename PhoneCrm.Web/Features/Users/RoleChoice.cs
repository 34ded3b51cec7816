using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Identity;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Users;

/// <summary>A role as the dropdowns show it: the stored name (<see cref="CrmRoles"/>) and its title in the user's language.</summary>
public sealed record RoleChoice(string Role, string Title)
{
    public static IReadOnlyList<RoleChoice> All(IStringLocalizer<Strings> l) =>
        CrmRoles.All.Select(role => new RoleChoice(role, TitleOf(l, role))).ToList();

    public static string TitleOf(IStringLocalizer<Strings> l, string role) => l[$"Roles.{role}"];
}
