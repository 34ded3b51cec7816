namespace PhoneCrm.Core.Projects;

/// <summary>
/// The rules a project must keep, as keys of the UI's resource file so each message can be shown in the
/// user's language. Name uniqueness needs the database and is checked there.
/// </summary>
public static class ProjectRules
{
    public const int MaxNameLength = 200;

    public static IReadOnlyList<ProjectRuleViolation> Check(ProjectDraft draft)
    {
        var violations = new List<ProjectRuleViolation>();
        if (string.IsNullOrWhiteSpace(draft.Name))
            violations.Add(new(nameof(ProjectDraft.Name), "Validation.NameRequired"));
        else if (draft.Name.Trim().Length > MaxNameLength)
            violations.Add(new(nameof(ProjectDraft.Name), "Validation.NameTooLong"));

        if (draft.Days == CallDays.None)
            violations.Add(new(nameof(ProjectDraft.Days), "Validation.AtLeastOneDay"));

        if (draft.WindowStart >= draft.WindowEnd)
            violations.Add(new(nameof(ProjectDraft.WindowStart), "Validation.WindowStartBeforeEnd"));

        if (!IsKnownTimeZone(draft.TimeZone))
            violations.Add(new(nameof(ProjectDraft.TimeZone), "Validation.UnknownTimeZone"));

        if (draft.DefaultCountry is not { Length: 2 } || !draft.DefaultCountry.All(char.IsAsciiLetterUpper))
            violations.Add(new(nameof(ProjectDraft.DefaultCountry), "Validation.CountryCode"));

        return violations;
    }

    public static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
