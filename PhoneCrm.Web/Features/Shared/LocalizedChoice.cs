using Microsoft.Extensions.Localization;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Shared;

/// <summary>
/// A stored code (a role, an audit action) and its title in the user's language, read from the resource
/// <c>{keyPrefix}{code}</c>: for dropdowns (TextProperty="Title", ValueProperty="Code") and grid cells.
/// </summary>
public sealed record LocalizedChoice(string Code, string Title)
{
    public static IReadOnlyList<LocalizedChoice> All(IEnumerable<string> codes, string keyPrefix, IStringLocalizer<Strings> l) =>
        codes.Select(code => new LocalizedChoice(code, TitleOf(code, keyPrefix, l))).ToList();

    /// <summary>A code the resources do not know (kept in old rows, or written by a later version) shows as it is.</summary>
    public static string TitleOf(string code, string keyPrefix, IStringLocalizer<Strings> l)
    {
        var title = l[keyPrefix + code];
        return title.ResourceNotFound ? code : title.Value;
    }
}
