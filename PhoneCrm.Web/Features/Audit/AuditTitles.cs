using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Audit;
using PhoneCrm.Web.Features.Shared;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Audit;

/// <summary>How the audit page and a number's history name stored audit actions and object types.</summary>
public static class AuditTitles
{
    private const string ActionKeys = "Audit.Actions.";
    private const string EntityKeys = "Audit.Entities.";

    public static IReadOnlyList<LocalizedChoice> Actions(IStringLocalizer<Strings> l) => LocalizedChoice.All(AuditActions.All, ActionKeys, l);

    public static IReadOnlyList<LocalizedChoice> Entities(IStringLocalizer<Strings> l) => LocalizedChoice.All(AuditEntities.All, EntityKeys, l);

    public static string Action(string code, IStringLocalizer<Strings> l) => LocalizedChoice.TitleOf(code, ActionKeys, l);

    public static string Entity(string code, IStringLocalizer<Strings> l) => LocalizedChoice.TitleOf(code, EntityKeys, l);
}
