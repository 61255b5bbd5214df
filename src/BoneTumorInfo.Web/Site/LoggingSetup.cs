using Serilog;

namespace BoneTumorInfo.Web.Site;

public static class LoggingSetup
{
    /// <summary>Serilog, configured from the "Serilog" section of appsettings.json.</summary>
    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Serilog writes the console itself; the default console provider would print everything twice.
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            // Each host keeps its own logger: with the static Log.Logger shared, two hosts in one
            // process (the test suite, or two instances under test) would write into each other's logs.
            preserveStaticLogger: true,
            // Other logger providers (the test host's, for one) still receive every event.
            writeToProviders: true);
        return builder;
    }

    /// <summary>
    /// One line per request: method, path, status and time. The path only, never the query string:
    /// it can hold what a reader searched for (<c>/search?q=…</c>).
    /// </summary>
    public static WebApplication UseSiteRequestLogging(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSerilogRequestLogging(options =>
        {
            // This host's own logger: the static one that request logging uses by default stays
            // silent here (preserveStaticLogger), so requests would not be logged at all.
            options.Logger = app.Services.GetService<Serilog.ILogger>();
            options.IncludeQueryInRequestPath = false;
        });
        return app;
    }
}
