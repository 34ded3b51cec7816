using System.Xml.Linq;
using PhoneCrm.Core.Audit;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Audit;

namespace PhoneCrm.Tests.Web.Audit;

public sealed class AuditTitleTests
{
    [Theory]
    [InlineData("Strings.resx")]
    [InlineData("Strings.ru.resx")]
    public void Every_action_and_entity_code_has_its_own_title_in_each_resource_file(string file)
    {
        // Read from the file itself: a lookup in Russian would fall back to the English title and hide a gap.
        var resx = Path.Combine(AppProcess.RepositoryRoot, "PhoneCrm.Web", "Resources", file);
        var titles = XDocument.Load(resx).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

        var missing = AuditActions.All.Select(code => "Audit.Actions." + code)
            .Concat(AuditEntities.All.Select(code => "Audit.Entities." + code))
            .Where(key => !titles.ContainsKey(key))
            .ToList();

        Assert.Empty(missing);
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Select(code => titles["Audit.Actions." + code]).Distinct().Count());
    }

    [Fact]
    public void Titles_follow_the_users_language_and_a_code_the_resources_do_not_know_shows_as_it_is()
    {
        var localizer = TestLocalizer.Create();

        using (new CultureScope("ru"))
            Assert.Equal("Удаление навсегда", AuditTitles.Action(AuditActions.PermanentDelete, localizer));
        using (new CultureScope("en"))
            Assert.Equal("Deleted for good", AuditTitles.Action(AuditActions.PermanentDelete, localizer));
        Assert.Equal("archive_everything", AuditTitles.Action("archive_everything", localizer));
        Assert.Equal("spaceship", AuditTitles.Entity("spaceship", localizer));
    }
}
