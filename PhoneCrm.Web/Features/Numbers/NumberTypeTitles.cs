using Microsoft.Extensions.Localization;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Numbers;

/// <summary>A stored type code's title in the user's language; empty for numbers imported before types were kept.</summary>
public static class NumberTypeTitles
{
    public static string Of(string? code, IStringLocalizer<Strings> l) => code is null ? "" : l["NumberType." + code];
}
