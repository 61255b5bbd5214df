using BoneTumorInfo.Web.Hosting;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.AddSiteLogging();
builder.Services.AddContent(builder.Configuration, builder.Environment);
builder.Services.AddAppointments(builder.Configuration, builder.Environment);
builder.Services.AddSiteDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddSiteHealthChecks();
builder.Services.AddRazorPages();

var app = builder.Build();

app.UseSiteErrorPages();
app.UseSerilogRequestLogging();
app.UseContentFiles();
// Routing after the content files: the catch-all page route would otherwise claim every image path.
app.UseRouting();
app.UseAppointments();
app.MapStaticAssets();
app.MapSiteHealthChecks();
app.MapRazorPages().WithStaticAssets();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
