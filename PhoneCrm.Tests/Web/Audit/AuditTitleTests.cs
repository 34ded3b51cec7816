using System.Globalization;
using PhoneCrm.Core.Audit;
using PhoneCrm.Tests.Infrastructure;
using PhoneCrm.Web.Features.Audit;

namespace PhoneCrm.Tests.Web.Audit;

public sealed class AuditTitleTests
{
    [Theory]
    [InlineData("ru")]
    [InlineData("en")]
    public void Every_action_and_entity_code_has_a_title_in_each_language(string language)
    {
        var localizer = TestLocalizer.Create();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var missing = AuditActions.All.Where(code => AuditTitles.Action(code, localizer) == code)
                .Concat(AuditEntities.All.Where(code => AuditTitles.Entity(code, localizer) == code))
                .ToList();

            Assert.Empty(missing);
            Assert.Equal(AuditActions.All.Count, AuditTitles.Actions(localizer).Select(a => a.Title).Distinct().Count());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void A_code_the_resources_do_not_know_shows_as_it_is()
    {
        var localizer = TestLocalizer.Create();

        Assert.Equal("archive_everything", AuditTitles.Action("archive_everything", localizer));
        Assert.Equal("spaceship", AuditTitles.Entity("spaceship", localizer));
    }
}
