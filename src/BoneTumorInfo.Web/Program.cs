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

app.UseReverseProxy();
app.UseSecurityHeaders();
app.UseSiteLocalization();
// Before the error pages, so a request logs once with its own path, not again as /status/…
app.UseSiteRequestLogging();
app.UseSiteErrorPages();
app.UseAllowedMethodsOnly();
// Stored content pages (already compressed) go out here, before routing and compression.
app.UseStoredContentPages();
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
