using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace PhoneCrm.Web.Setup;

public static class LocalizationSetup
{
    public static readonly string[] SupportedCultures = ["ru", "en"];

    public static void AddCrmLocalization(this WebApplicationBuilder builder)
    {
        // Strings.resx sits beside its marker type (Resources/Strings.cs), so no ResourcesPath is set.
        builder.Services.AddLocalization();
        // Cyrillic stays readable in the HTML instead of becoming numeric entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        var configured = builder.Configuration["Crm:DefaultCulture"];
        var defaultCulture = SupportedCultures.Contains(configured) ? configured! : "ru";
        // Work outside a request (background imports, SFTP pulls) writes its messages in the operators' default
        // language. Only the UI culture (which resources are read) is set: number and date formats there stay the
        // process's, as in logs.
        CultureInfo.DefaultThreadCurrentUICulture = new CultureInfo(defaultCulture);
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            options.DefaultRequestCulture = new RequestCulture(defaultCulture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Only the user's explicit choice counts, not the browser's Accept-Language: the default comes
            // from configuration, as the operators' machines are often set to English.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }

    public static void UseCrmLocalization(this WebApplication app) => app.UseRequestLocalization();
}
