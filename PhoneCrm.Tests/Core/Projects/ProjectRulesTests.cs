using PhoneCrm.Core.Projects;

namespace PhoneCrm.Tests.Core.Projects;

public sealed class ProjectRulesTests
{
    private static ProjectDraft Valid() => new()
    {
        Name = "Credit cards, Moscow",
        Days = CallDays.Monday | CallDays.Friday,
        WindowStart = new TimeOnly(9, 0),
        WindowEnd = new TimeOnly(18, 0),
        TimeZone = "Europe/Moscow",
        DefaultCountry = "RU",
    };

    [Fact]
    public void A_complete_draft_breaks_no_rule() => Assert.Empty(ProjectRules.Check(Valid()));

    public static TheoryData<string, Action<ProjectDraft>, string, string> BrokenDrafts => new()
    {
        { "empty name", d => d.Name = "  ", "Name", "Validation.NameRequired" },
        { "long name", d => d.Name = new string('x', ProjectRules.MaxNameLength + 1), "Name", "Validation.NameTooLong" },
        { "no day", d => d.Days = CallDays.None, "Days", "Validation.AtLeastOneDay" },
        { "start after end", d => (d.WindowStart, d.WindowEnd) = (new TimeOnly(19, 0), new TimeOnly(9, 0)), "WindowStart", "Validation.WindowStartBeforeEnd" },
        { "empty window", d => (d.WindowStart, d.WindowEnd) = (new TimeOnly(9, 0), new TimeOnly(9, 0)), "WindowStart", "Validation.WindowStartBeforeEnd" },
        { "unknown zone", d => d.TimeZone = "Mars/Olympus", "TimeZone", "Validation.UnknownTimeZone" },
        { "lowercase country", d => d.DefaultCountry = "ru", "DefaultCountry", "Validation.CountryCode" },
        { "three-letter country", d => d.DefaultCountry = "RUS", "DefaultCountry", "Validation.CountryCode" },
    };

    [Theory]
    [MemberData(nameof(BrokenDrafts))]
    public void A_broken_draft_names_the_field_and_the_message(string _, Action<ProjectDraft> breakIt, string field, string messageKey)
    {
        var draft = Valid();
        breakIt(draft);

        var violation = Assert.Single(ProjectRules.Check(draft));

        Assert.Equal(field, violation.Field);
        Assert.Equal(messageKey, violation.MessageKey);
    }

    [Fact]
    public void A_draft_made_from_a_project_keeps_its_schedule()
    {
        var project = new Project
        {
            Name = "P",
            Schedule = new WeeklySchedule(CallDays.Saturday, new TimeOnly(10, 30), new TimeOnly(14, 0), "Asia/Almaty"),
        };

        var draft = ProjectDraft.From(project);

        Assert.Equal(project.Schedule, draft.ToSchedule());
    }
}
