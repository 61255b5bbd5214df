using BoneTumorInfo.Web.Appointments;
using BoneTumorInfo.Web.Content;
using BoneTumorInfo.Web.Search;
using BoneTumorInfo.Web.Seo;
using BoneTumorInfo.Web.Site;
using BoneTumorInfo.Web.Staff;

var builder = WebApplication.CreateBuilder(SiteHost.Options(args));

builder.AddSiteLogging();
builder.AddReverseProxy();
builder.AddSecurityHeaders();
builder.AddSiteLocalization();
builder.AddSiteCompression();
builder.AddSiteDataProtection();
builder.AddSiteHealthChecks();
builder.AddSitePages();
builder.AddContent();
builder.AddSearch();
builder.AddSeo();
builder.AddAppointments();
builder.AddStaff();

var app = builder.Build();
// The page index is read in the background while the rest of start-up runs.
app.StartContentIndex();

app.UseReverseProxy();
app.UseSecurityHeaders();
// Before the error pages, so a request logs once with its own path, not again as /status/…
app.UseSiteRequestLogging();
// Stored content pages (already compressed, in their language) go out here: before the
// culture is set, routing and compression, which they do not need.
app.UseStoredContentPages();
app.UseSiteLocalization();
app.UseSiteErrorPages();
app.UseAllowedMethodsOnly();
app.UseSiteCompression();
app.UseContentFiles();
// Routing after the content files: the catch-all page route would otherwise claim every image path.
app.UseRouting();
app.UseAppointments();
app.UseStaff();
app.UseContentCaching();
app.MapSiteHealthChecks();
app.MapSeo();
app.MapSitePages();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
