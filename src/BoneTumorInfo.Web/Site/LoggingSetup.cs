using Serilog;

namespace BoneTumorInfo.Web.Site;

public static class LoggingSetup
{
    /// <summary>
    /// Where the "Serilog" section's names (sinks, enrichers, levels) are looked up: every Serilog
    /// assembly the site ships, and the site's own (BufferedConsole). Without this list, Serilog's
    /// configuration reader searches the app's dependencies and its folder for any assembly
    /// named like "serilog" at every start (on the main thread, before the site listens).
    /// </summary>
    private static readonly System.Reflection.Assembly[] SerilogAssemblies =
    [
        typeof(Log).Assembly,
        typeof(LoggerConfigurationAsyncExtensions).Assembly,
        typeof(ConsoleLoggerConfigurationExtensions).Assembly,
        typeof(FileLoggerConfigurationExtensions).Assembly,
        typeof(LoggerSinkConfigurationDebugExtensions).Assembly,
        typeof(Serilog.Formatting.Compact.CompactJsonFormatter).Assembly,
        typeof(BufferedConsoleSink).Assembly,
    ];

    /// <inheritdoc cref="SerilogAssemblies"/>
    public static IReadOnlyList<System.Reflection.Assembly> ConfigurationAssemblies => SerilogAssemblies;

    /// <summary>Serilog, configured from the "Serilog" section of appsettings.json.</summary>
    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Serilog writes the console itself; the default console provider would print everything twice.
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.ReadFrom.Configuration(builder.Configuration, new Serilog.Settings.Configuration.ConfigurationReaderOptions(SerilogAssemblies))
                    .ReadFrom.Services(services).Enrich.FromLogContext();
                // Started from another folder, the app finds no appsettings.json and so no sink:
                // it would run and write nothing at all. The console is always there.
                if (!builder.Configuration.GetSection("Serilog:WriteTo").Exists()) logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            },
            // Each host keeps its own logger: with the static Log.Logger shared, two hosts in one
            // process (the test suite, or two instances under test) would write into each other's logs.
            preserveStaticLogger: true,
            // Other logger providers (the test host's, for one) still receive every event.
            writeToProviders: true);
        return builder;
    }

    /// <summary>
    /// One line per request: method, path (never the query string, which can hold search words),
    /// status and time. The middleware's default is the static Log.Logger, which this site leaves
    /// silent (each host keeps its own logger), so it wrote nothing until it was given the host's.
    /// </summary>
    public static WebApplication UseSiteRequestLogging(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            options.IncludeQueryInRequestPath = false;
        });
        return app;
    }
}
