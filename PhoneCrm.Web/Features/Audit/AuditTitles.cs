using Microsoft.Extensions.Localization;
using PhoneCrm.Core.Audit;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Web.Features.Audit;

/// <summary>A stored audit code (action or entity type) and how the audit page shows it in the user's language.</summary>
public sealed record AuditTitle(string Code, string Title)
{
    public static IReadOnlyList<AuditTitle> Actions(IStringLocalizer<Strings> l) =>
        AuditActions.All.Select(code => new AuditTitle(code, ActionTitle(l, code))).ToList();

    public static IReadOnlyList<AuditTitle> Entities(IStringLocalizer<Strings> l) =>
        AuditEntities.All.Select(code => new AuditTitle(code, EntityTitle(l, code))).ToList();

    public static string ActionTitle(IStringLocalizer<Strings> l, string code) => TitleOrCode(l[$"Audit.Actions.{code}"], code);

    public static string EntityTitle(IStringLocalizer<Strings> l, string code) => TitleOrCode(l[$"Audit.Entities.{code}"], code);

    // Rows keep their codes forever; a code the resources do not know (written by a later version) shows as it is.
    private static string TitleOrCode(LocalizedString title, string code) => title.ResourceNotFound ? code : title.Value;
}
