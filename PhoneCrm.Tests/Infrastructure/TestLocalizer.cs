using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhoneCrm.Web.Resources;

namespace PhoneCrm.Tests.Infrastructure;

/// <summary>The app's real resource files, for services under test that produce user-facing messages.</summary>
public static class TestLocalizer
{
    public static IStringLocalizer<Strings> Create() =>
        new StringLocalizer<Strings>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
}
