namespace PhoneCrm.Core.Projects;

/// <param name="Field">The draft property at fault.</param>
/// <param name="MessageKey">A key of the UI's resource file.</param>
public sealed record ProjectRuleViolation(string Field, string MessageKey);
