using BoneTumorInfo.Web.Appointments;
using BoneTumorInfo.Web.Content;
using BoneTumorInfo.Web.Site;
using BoneTumorInfo.Web.Staff;

var builder = WebApplication.CreateBuilder(args);

builder.AddSiteLogging();
builder.AddSecurityHeaders();
builder.AddSiteLocalization();
builder.AddSiteCompression();
builder.AddSiteDataProtection();
builder.AddSiteHealthChecks();
builder.AddSitePages();
builder.AddContent();
builder.AddAppointments();
builder.AddStaff();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseSiteLocalization();
app.UseSiteErrorPages();
app.UseSiteRequestLogging();
app.UseAllowedMethodsOnly();
app.UseSiteCompression();
app.UseContentFiles();
// Routing after the content files: the catch-all page route would otherwise claim every image path.
app.UseRouting();
app.UseAppointments();
app.UseStaff();
app.UseContentCaching();
app.MapSiteHealthChecks();
app.MapSitePages();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
