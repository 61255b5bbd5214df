using BoneTumorInfo.Web.Appointments;
using BoneTumorInfo.Web.Content;
using BoneTumorInfo.Web.Search;
using BoneTumorInfo.Web.Seo;
using BoneTumorInfo.Web.Site;

var builder = WebApplication.CreateBuilder(args);

builder.AddSiteLogging();
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

var app = builder.Build();

app.UseSecurityHeaders();
app.UseSiteLocalization();
app.UseSiteErrorPages();
app.UseSiteRequestLogging();
app.UseSiteCompression();
app.UseContentFiles();
// Routing after the content files: the catch-all page route would otherwise claim every image path.
app.UseRouting();
app.UseAppointments();
app.UseContentCaching();
app.MapSiteHealthChecks();
app.MapSeo();
app.MapSitePages();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
