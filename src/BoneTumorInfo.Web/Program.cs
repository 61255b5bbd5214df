using BoneTumorInfo.Web.Hosting;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.AddSiteLogging();
builder.AddSecurityHeaders();
builder.Services.AddContent(builder.Configuration, builder.Environment);
builder.Services.AddSiteLocalization();
builder.Services.AddContentCaching();
builder.Services.AddSiteCompression();
builder.Services.AddAppointments(builder.Configuration, builder.Environment);
builder.Services.AddSiteDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddSiteHealthChecks();
builder.Services.AddRazorPages();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseSiteLocalization();
app.UseSiteErrorPages();
app.UseSerilogRequestLogging();
app.UseSiteCompression();
app.UseContentFiles();
// Routing after the content files: the catch-all page route would otherwise claim every image path.
app.UseRouting();
app.UseAppointments();
app.UseContentCaching();
app.MapStaticAssets();
app.MapSiteHealthChecks();
app.MapRazorPages().WithStaticAssets();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
