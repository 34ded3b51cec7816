using PhoneCrm.Web.Components;
using PhoneCrm.Web.Features.Account;
using PhoneCrm.Web.Features.Audit;
using PhoneCrm.Web.Features.Conversions;
using PhoneCrm.Web.Features.Imports;
using PhoneCrm.Web.Features.Metrics;
using PhoneCrm.Web.Features.Numbers;
using PhoneCrm.Web.Setup;
using Radzen;

var builder = WebApplication.CreateBuilder(args);

// Serves _content/* from the build output too (not only in Development), so the app runs from bin/.
builder.WebHost.UseStaticWebAssets();

builder.AddCrmLogging();
builder.AddCrmSecurityHeaders();
builder.AddCrmForwardedHeaders();
builder.AddCrmData();
builder.AddCrmIdentity();
builder.AddCrmJobs();
builder.AddCrmLocalization();
builder.AddCrmHealthChecks();
builder.Services.AddRadzenComponents();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.AddCrmFeatures();
builder.AddCrmSoftPhone();
builder.AddCrmSftp();
builder.AddCrmMetrics();

var app = builder.Build();

await app.PrepareDatabaseAsync();

if (!app.Environment.IsDevelopment())
    app.UseExceptionHandler("/error", createScopeForErrors: true);

// Before everything that reads the client's address or scheme (the exception handler above reads neither).
app.UseCrmForwardedHeaders();
app.UseCrmMetricsAccess();
app.UseCrmSecurityHeaders();
// A browser asking for an address nothing answers, or for something that is not there (an export of a project it may
// not see), gets the app's "not found" page in its layout and language instead of the browser's bare 404 (and other
// empty error answers a page that names their code). GET only and not under /api: the webhook's callers and other
// machine clients get the plain status.
app.UseWhen(http => HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/api"),
    branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
// Routing after the status pages, so a re-executed request is routed to the page anew.
app.UseRouting();
app.UseCrmRequestLogging();
app.UseCrmHttpMetrics();
app.UseCrmLocalization();
app.UseAuthentication();
app.UseCrmFirstPasswordGate();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();

app.MapStaticAssets().AllowAnonymous().WithQuietRequestLog();
app.MapCrmHealthChecks();
app.MapCrmMetrics();
app.MapAccountEndpoints();
app.MapAuditExport();
app.MapImportEndpoints();
app.MapNumberExports();
app.MapConversionExports();
app.MapCrmSoftPhone();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(blazor => blazor.ContentSecurityFrameAncestorsPolicy = null);

app.Run();

/// <summary>Lets tests reference the entry assembly.</summary>
public partial class Program;
